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

    /// <summary>Replaces a session's tokens, keeping its time to live.</summary>
    public Task WriteAsync(string key, TokenSet tokens) =>
        _database.StringSetAsync(key, Protector.Protect(tokens), expiry: null, keepTtl: true);

    public void Dispose() => _services.Dispose();
}
