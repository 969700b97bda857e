using System.Text;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Client;
using OAuthWebClient.Web;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Client.Tokens;
using StackExchange.Redis;

namespace OAuthWebClient.ScaleOutTests;

public sealed class RedisTokenStoreTests : IDisposable
{
    private readonly Lazy<ConnectionMultiplexer> _redis = new(TestRedis.Connect);
    private readonly RedisKeys _keys = new(Options.Create(new RedisOptions { KeyPrefix = TestRedis.NewKeyPrefix() }));

    private RedisTokenStore Store(TimeSpan? lifetime = null) =>
        new(_redis.Value, _keys, TokenStoreContract.Protector(), TokenStoreContract.Availability(), TokenStoreContract.Lifetime(lifetime ?? TimeSpan.FromHours(1)));

    [RedisFact]
    public Task Round_trip_returns_what_was_stored() => TokenStoreContract.Round_trip_returns_what_was_stored(Store());

    [RedisFact]
    public Task Mapped_claims_round_trip_with_the_tokens() => TokenStoreContract.Mapped_claims_round_trip_with_the_tokens(Store());

    [RedisFact]
    public Task Set_replaces_the_previous_tokens() => TokenStoreContract.Set_replaces_the_previous_tokens(Store());

    [RedisFact]
    public Task Removed_session_is_gone() => TokenStoreContract.Removed_session_is_gone(Store());

    [RedisFact]
    public async Task Entry_carries_the_session_lifetime_and_expires_with_it()
    {
        var store = Store(TimeSpan.FromHours(8));
        await store.SetAsync("s", TokenStoreContract.Sample("a"), default);
        var ttl = await _redis.Value.GetDatabase().KeyTimeToLiveAsync(_keys.Tokens("s"));
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(7.9), TimeSpan.FromHours(8));

        var shortLived = Store(TimeSpan.FromMilliseconds(200));
        await shortLived.SetAsync("brief", TokenStoreContract.Sample("b"), default);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.Null(await shortLived.GetAsync("brief", default));
    }

    [RedisFact]
    public async Task Raw_redis_values_contain_no_token_and_keys_no_session_id()
    {
        var tokens = TokenStoreContract.Sample("secret");
        await Store().SetAsync("session-id-in-clear", tokens, default);

        var server = _redis.Value.GetServers()[0];
        var keys = server.Keys(pattern: _keys.Tokens("x").ToString()[..^43] + "*").ToList();
        var key = Assert.Single(keys);
        Assert.DoesNotContain("session-id-in-clear", key.ToString(), StringComparison.Ordinal);
        var raw = Encoding.Latin1.GetString((byte[])(await _redis.Value.GetDatabase().StringGetAsync(key))!);
        Assert.DoesNotContain(tokens.AccessToken, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.RefreshToken!, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(tokens.IdToken!, raw, StringComparison.Ordinal);
        Assert.DoesNotContain("alice", raw, StringComparison.Ordinal);
    }

    [RedisFact]
    public async Task A_session_with_real_sized_tokens_takes_at_most_3_KB_in_redis()
    {
        // The sandbox's sizes: a 1,282-character JWT access token, a 1,266-character ID token, an opaque refresh token.
        static string Random(int length) => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(length))[..length];
        var tokens = TokenStoreContract.Sample("size") with { AccessToken = Random(1282), IdToken = Random(1266), RefreshToken = Random(43) };
        var store = Store();
        await store.SetAsync("s", tokens, default);

        var length = await _redis.Value.GetDatabase().StringLengthAsync(_keys.Tokens("s"));

        Assert.InRange(length, 1, 3 * 1024);
        Assert.Equal(tokens, await store.GetAsync("s", default));
    }

    [RedisFact]
    public async Task Entry_written_with_other_keys_reads_as_no_session()
    {
        await Store().SetAsync("s", TokenStoreContract.Sample("a"), default);

        // Another key ring (an instance that does not share Data Protection keys) cannot read it.
        var stranger = new RedisTokenStore(_redis.Value, _keys, TokenStoreContract.Protector(), TokenStoreContract.Availability(), TokenStoreContract.Lifetime(TimeSpan.FromHours(1)));
        Assert.Null(await stranger.GetAsync("s", default));
    }

    public void Dispose()
    {
        if (_redis.IsValueCreated)
        {
            _redis.Value.Dispose();
        }
    }
}
