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
    public Task Replace_writes_only_a_session_that_still_exists() => TokenStoreContract.Replace_writes_only_a_session_that_still_exists(Store());

    [RedisFact]
    public Task Sessions_of_one_provider_session_are_removed_by_its_sid() => TokenStoreContract.Sessions_of_one_provider_session_are_removed_by_its_sid(Store());

    [RedisFact]
    public Task Every_session_of_a_subject_is_removed_by_its_sub_alone() => TokenStoreContract.Every_session_of_a_subject_is_removed_by_its_sub_alone(Store());

    [RedisFact]
    public Task With_sid_and_sub_both_must_match() => TokenStoreContract.With_sid_and_sub_both_must_match(Store());

    [RedisFact]
    public Task Removal_never_reaches_another_issuers_sessions() => TokenStoreContract.Removal_never_reaches_another_issuers_sessions(Store());

    [RedisFact]
    public Task A_replaced_or_removed_session_is_not_found_under_what_it_was() => TokenStoreContract.A_replaced_or_removed_session_is_not_found_under_what_it_was(Store());

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

    [RedisFact]
    public async Task The_logout_index_outlives_the_session_and_names_no_sid_or_sub_in_clear()
    {
        await Store(TimeSpan.FromHours(8)).SetAsync("s", TokenStoreContract.Signed("https://as.example/", "alice-in-clear", "op-session-in-clear"), default);

        var db = _redis.Value.GetDatabase();
        foreach (var index in (RedisKey[])[_keys.ProviderSession("https://as.example/", "op-session-in-clear"), _keys.Subject("https://as.example/", "alice-in-clear")])
        {
            Assert.InRange((await db.KeyTimeToLiveAsync(index))!.Value, TimeSpan.FromHours(15.9), TimeSpan.FromHours(16)); // twice the session's lifetime
            Assert.Equal([RedisKeys.SessionFingerprint("s")], (await db.SetMembersAsync(index)).Select(m => m.ToString()));
        }

        var prefix = _keys.Tokens("x").ToString()[..^(43 + "tokens:".Length)];
        var keys = _redis.Value.GetServers()[0].Keys(pattern: prefix + "*").Select(k => k.ToString()).ToList();
        Assert.Equal(3, keys.Count); // tokens, sid, sub
        Assert.DoesNotContain(keys, k => k.Contains("in-clear", StringComparison.Ordinal) || k.Contains("as.example", StringComparison.Ordinal));
    }

    [RedisFact]
    public async Task A_read_slides_the_logout_index_only_when_half_a_lifetime_has_passed_and_the_sets_outlive_the_session()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        var store = new RedisTokenStore(_redis.Value, _keys, TokenStoreContract.Protector(), TokenStoreContract.Availability(), TokenStoreContract.Lifetime(TimeSpan.FromHours(1)), time);
        await store.SetAsync("s", TokenStoreContract.Signed("https://as.example/", "alice", "op-1"), default);
        var db = _redis.Value.GetDatabase();
        var index = _keys.ProviderSession("https://as.example/", "op-1");
        Assert.InRange((await db.KeyTimeToLiveAsync(index))!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromHours(2)); // twice the session's

        await db.KeyExpireAsync(index, TimeSpan.FromMinutes(100)); // a marker: a slide would put it back to two hours
        time.Advance(TimeSpan.FromMinutes(29));
        await store.GetAsync("s", default);
        await db.PingAsync(); // commands on one connection run in order: this follows any fire-and-forget EXPIRE
        Assert.InRange((await db.KeyTimeToLiveAsync(index))!.Value, TimeSpan.FromMinutes(99), TimeSpan.FromMinutes(100));

        time.Advance(TimeSpan.FromMinutes(1)); // half the session's lifetime since the write: slid
        await store.GetAsync("s", default);
        await db.PingAsync();
        Assert.InRange((await db.KeyTimeToLiveAsync(index))!.Value, TimeSpan.FromMinutes(119), TimeSpan.FromHours(2));
    }

    [RedisFact]
    public async Task A_sign_in_costs_the_same_few_commands_however_many_live_sessions_the_person_has()
    {
        await using var counted = await ConnectionMultiplexer.ConnectAsync(TestRedis.ConnectionString);
        var store = new RedisTokenStore(counted, _keys, TokenStoreContract.Protector(), TokenStoreContract.Availability(), TokenStoreContract.Lifetime(TimeSpan.FromHours(1)));
        for (var i = 0; i < 200; i++)
        {
            await store.SetAsync($"live-{i}", TokenStoreContract.Signed("https://as.example/", "load-test-user", $"op-{i}"), default);
        }

        var before = counted.GetCounters().Interactive.OperationCount;
        for (var i = 0; i < 16; i++)
        {
            await store.SetAsync($"more-{i}", TokenStoreContract.Signed("https://as.example/", "load-test-user", $"op-more-{i}"), default);
        }

        // 7 commands a sign-in (SET; SADD, EXPIRE, SCARD on each of its two sets) and, every 8th, a sample of 16 checked
        // on the subject's set: far from the 200 that checking every member would take.
        var perSignIn = (counted.GetCounters().Interactive.OperationCount - before) / 16.0;
        Assert.InRange(perSignIn, 7, 12);
        Assert.Equal(216, await counted.GetDatabase().SetLengthAsync(_keys.Subject("https://as.example/", "load-test-user")));
    }

    [RedisFact]
    public async Task A_subjects_set_stays_bounded_as_sessions_come_and_go_and_a_logout_empties_it()
    {
        var store = Store();
        await store.SetAsync("kept", TokenStoreContract.Signed("https://as.example/", "alice", "op-kept"), default);
        for (var i = 0; i < 40; i++)
        {
            await store.SetAsync($"s{i}", TokenStoreContract.Signed("https://as.example/", "alice", $"op-{i}"), default);
            await store.RemoveAsync($"s{i}", default); // signed out here: the set keeps the fingerprint for now
        }

        await store.SetAsync("new", TokenStoreContract.Signed("https://as.example/", "alice", "op-new"), default);

        var db = _redis.Value.GetDatabase();
        var index = _keys.Subject("https://as.example/", "alice");
        var members = (await db.SetMembersAsync(index)).Select(m => m.ToString()).ToList();
        Assert.InRange(members.Count, 2, 24); // pruned every 8th addition past 16, by a sample of 16
        Assert.Contains(RedisKeys.SessionFingerprint("kept"), members);
        Assert.Contains(RedisKeys.SessionFingerprint("new"), members);
        Assert.Equal(2, await store.RemoveByProviderSessionAsync("https://as.example/", null, "alice", default));
        Assert.Equal(0, await db.SetLengthAsync(index));
    }

    public void Dispose()
    {
        if (_redis.IsValueCreated)
        {
            _redis.Value.Dispose();
        }
    }
}
