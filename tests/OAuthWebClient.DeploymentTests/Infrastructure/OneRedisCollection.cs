namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>Every test against <see cref="OneRedisTopology"/> shares it, one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class OneRedisCollection : ICollectionFixture<OneRedisTopology>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "production topology, one Redis";
}
