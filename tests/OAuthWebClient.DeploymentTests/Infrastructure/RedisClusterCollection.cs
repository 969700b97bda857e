namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>Every test against <see cref="RedisClusterTopology"/> shares it, one test at a time (after the one-Redis collection: collections do not run in parallel).</summary>
[CollectionDefinition(Name)]
public sealed class RedisClusterCollection : ICollectionFixture<RedisClusterTopology>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "production topology, Redis Cluster";
}
