using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// The production topology on a Redis Cluster: three masters with a replica each (<see cref="RedisClusterProcess"/>),
/// which the instances discover from the node list in <c>ConnectionStrings__Redis</c>.
/// </summary>
public sealed class RedisClusterTopology() : ProductionTopology(async () => await RedisClusterProcess.CreateAsync())
{
    public RedisClusterProcess Cluster => (RedisClusterProcess)Redis;
}
