namespace OAuthWebClient.ScaleOutTests.Cluster;

/// <summary>The tests that share <see cref="RedisClusterFixture"/>'s cluster, run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterFixture>
{
    public const string Name = "Redis Cluster";
}
