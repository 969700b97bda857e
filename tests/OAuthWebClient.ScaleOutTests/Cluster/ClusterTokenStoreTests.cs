using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using StackExchange.Redis;

namespace OAuthWebClient.ScaleOutTests.Cluster;

/// <summary>
/// The token store contract on Redis Cluster: a session's tokens and its logout index sets live in different slots (on
/// different masters), so every command must take one key — a multi-key command there fails with CROSSSLOT.
/// </summary>
[Collection(RedisClusterCollection.Name)]
public sealed class ClusterTokenStoreTests(RedisClusterFixture redis) : IAsyncLifetime
{
    private readonly RedisKeys _keys = new(Options.Create(new RedisOptions { KeyPrefix = TestRedis.NewKeyPrefix() }));
    private ConnectionMultiplexer _connection = null!;

    private RedisTokenStore Store() =>
        new(_connection, _keys, TokenStoreContract.Protector(), TokenStoreContract.Availability(), TokenStoreContract.Lifetime(TimeSpan.FromHours(1)));

    [RedisClusterFact]
    public async Task A_sessions_keys_are_on_different_masters()
    {
        var ports = new HashSet<int>();
        foreach (var key in (RedisKey[])[_keys.Tokens("laptop"), _keys.ProviderSession("https://as.example/", "op-1"), _keys.Subject("https://as.example/", "alice"), _keys.RefreshLease("laptop")])
        {
            ports.Add(await redis.Cluster.MasterOfAsync(key.ToString()));
        }

        // Fingerprinted names (43 characters of SHA-256) spread; were they ever to share a hash tag, this would say so.
        Assert.True(ports.Count >= 2, "All of a session's keys are on one master: the contract below would prove nothing.");
        await TokenStoreContract.Sessions_of_one_provider_session_are_removed_by_its_sid(Store());
    }

    [RedisClusterFact]
    public Task Round_trip_returns_what_was_stored() => TokenStoreContract.Round_trip_returns_what_was_stored(Store());

    [RedisClusterFact]
    public Task Set_replaces_the_previous_tokens() => TokenStoreContract.Set_replaces_the_previous_tokens(Store());

    [RedisClusterFact]
    public Task Removed_session_is_gone() => TokenStoreContract.Removed_session_is_gone(Store());

    [RedisClusterFact]
    public Task Replace_writes_only_a_session_that_still_exists() => TokenStoreContract.Replace_writes_only_a_session_that_still_exists(Store());

    [RedisClusterFact]
    public Task Every_session_of_a_subject_is_removed_by_its_sub_alone() => TokenStoreContract.Every_session_of_a_subject_is_removed_by_its_sub_alone(Store());

    [RedisClusterFact]
    public Task With_sid_and_sub_both_must_match() => TokenStoreContract.With_sid_and_sub_both_must_match(Store());

    [RedisClusterFact]
    public Task A_replaced_or_removed_session_is_not_found_under_what_it_was() => TokenStoreContract.A_replaced_or_removed_session_is_not_found_under_what_it_was(Store());

    [RedisClusterFact]
    public async Task A_multi_key_command_across_slots_is_refused_so_the_store_must_not_send_one()
    {
        // Were the store to batch the tokens and an index set in one command, it would fail on a cluster: StackExchange.Redis
        // refuses it before sending (with an exception that is not a RedisException, so it would not even become a 503).
        var tokens = _keys.Tokens("laptop");
        var index = _keys.Subject("https://as.example/", "alice");
        Assert.NotEqual(await redis.Cluster.KeySlotAsync(tokens.ToString()), await redis.Cluster.KeySlotAsync(index.ToString()));
        var db = _connection.GetDatabase();
        var refused = await Assert.ThrowsAsync<RedisCommandException>(() => db.KeyDeleteAsync([tokens, index]));
        Assert.Contains("single slot", refused.Message, StringComparison.Ordinal);
    }

    public async Task InitializeAsync()
    {
        if (RedisClusterFixture.InCi || Testing.Deployment.RedisClusterProcess.WhyUnavailable is null)
        {
            _connection = await redis.ConnectAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
    }
}
