using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>The production topology with one redis-server (append-only, fsync always).</summary>
public sealed class OneRedisTopology() : ProductionTopology(async () => await RedisServerProcess.StartNewAsync());
