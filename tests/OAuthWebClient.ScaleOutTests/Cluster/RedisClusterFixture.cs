using Microsoft.AspNetCore.Hosting;
using OAuthWebClient.Testing.Deployment;
using StackExchange.Redis;

namespace OAuthWebClient.ScaleOutTests.Cluster;

/// <summary>
/// One three-master Redis Cluster (with a replica each) for the tests of the "Redis Cluster" collection, which run one
/// at a time (a failover changes the cluster for everyone). Each test writes under its own key prefix.
/// </summary>
public sealed class RedisClusterFixture : IAsyncLifetime
{
    internal static readonly bool InCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    private RedisClusterProcess? _cluster;

    public RedisClusterProcess Cluster => _cluster ?? throw new InvalidOperationException("The cluster did not start: " + RedisClusterProcess.WhyUnavailable);

    /// <summary>Points a client instance at the cluster (every node's address) with the given key prefix.</summary>
    public Action<IWebHostBuilder> Configure(string keyPrefix) => builder =>
    {
        builder.UseSetting("ConnectionStrings:Redis", Cluster.ConnectionString);
        builder.UseSetting("Redis:KeyPrefix", keyPrefix);
    };

    public Task<ConnectionMultiplexer> ConnectAsync() => ConnectionMultiplexer.ConnectAsync(Cluster.ConnectionString);

    /// <summary>How many keys under <paramref name="prefix"/> each master holds (port → count), masters with none included.</summary>
    public static Dictionary<int, int> KeysPerMaster(IConnectionMultiplexer redis, string prefix) =>
        redis.GetServers().Where(s => s.IsConnected && !s.IsReplica).ToDictionary(
            s => s.EndPoint switch { System.Net.IPEndPoint ip => ip.Port, System.Net.DnsEndPoint dns => dns.Port, var other => throw new InvalidOperationException($"Unexpected endpoint {other}") },
            s => s.Keys(pattern: prefix + "*").Count());

    public async Task InitializeAsync()
    {
        if (RedisClusterProcess.WhyUnavailable is null || InCi)
        {
            _cluster = await RedisClusterProcess.CreateAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
