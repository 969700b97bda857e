using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Client;
using OAuthWebClient.Web;
using OAuthWebClient.Client.Tokens;
using StackExchange.Redis;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// The driver's view of ours' Redis sessions, with ours' own classes (<see cref="TokenSetProtector"/>,
/// <see cref="RedisKeys"/>) and ours' Data Protection key ring in Redis: read a session's tokens (scenario 3's direct
/// call, scenario 6's realistic token set) and move its expiry (scenario 4).
/// </summary>
internal sealed class SessionStoreAccess : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly IDatabase _database;
    private readonly IServer _server;
    private readonly string _prefix;

    public SessionStoreAccess(RedisServer redis, string prefix)
    {
        _prefix = prefix;
        Keys = new RedisKeys(Options.Create(new RedisOptions { KeyPrefix = prefix }));
        var services = new ServiceCollection();
        services.AddLogging();
        // The same application name and key ring as ours (ScaleOut/ScaleOutExtensions.cs, Web/WebAppExtensions.cs).
        services.AddDataProtection().SetApplicationName("OAuthWebClient")
            .PersistKeysToStackExchangeRedis(redis.Connection, Keys.DataProtectionKeys);
        _services = services.BuildServiceProvider();
        Protector = new TokenSetProtector(_services.GetRequiredService<IDataProtectionProvider>());
        _database = redis.Connection.GetDatabase();
        _server = redis.Connection.GetServers()[0];
    }

    public RedisKeys Keys { get; }

    public TokenSetProtector Protector { get; }

    public IDataProtectionProvider DataProtection => _services.GetRequiredService<IDataProtectionProvider>();

    /// <summary>The Redis keys of every stored session under this prefix.</summary>
    public async Task<HashSet<string>> SessionKeysAsync()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var key in _server.KeysAsync(_database.Database, _prefix + "tokens:*", pageSize: 1000))
        {
            keys.Add(key.ToString());
        }

        return keys;
    }

    public async Task<TokenSet> ReadAsync(string key)
    {
        var value = await _database.StringGetAsync(key);
        return value.IsNull ? throw new InvalidOperationException("No session under " + key)
            : Protector.Unprotect((byte[])value!) ?? throw new InvalidOperationException("The session does not decrypt with ours' key ring.");
    }

    /// <summary>
    /// Replaces a session's tokens, keeping its time to live — only with the Data Protection key the instance used for
    /// it. Re-encrypting with any other key of the ring could hand an instance a key it has not loaded (it looks unknown
    /// key ids up only in its first two minutes), which the first full run of the stampede did: every request to that
    /// instance then found no session.
    /// </summary>
    public async Task WriteAsync(string key, TokenSet tokens)
    {
        var existing = await _database.StringGetAsync(key);
        var written = Protector.Protect(tokens);
        if (existing.IsNull || KeyIdOf((byte[])existing!) != KeyIdOf(written))
        {
            throw new InvalidOperationException(
                $"The driver would encrypt the session with key {KeyIdOf(written)}, not the instance's key: the shared key ring holds {await KeyRingSizeAsync()} keys.");
        }

        await _database.StringSetAsync(key, written, expiry: null, keepTtl: true);
    }

    /// <summary>How many keys the shared Data Protection key ring holds (one, when instances share a first key).</summary>
    public async Task<long> KeyRingSizeAsync() => await _database.ListLengthAsync(Keys.DataProtectionKeys);

    /// <summary>The key id in a stored session, a Data Protection payload: a 4-byte magic header, then the key id.</summary>
    private static Guid KeyIdOf(byte[] stored) => new(stored.AsSpan(4, 16));

    public void Dispose() => _services.Dispose();
}
