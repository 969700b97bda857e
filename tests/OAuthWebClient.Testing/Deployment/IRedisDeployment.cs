namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// A Redis the deployment tests run for real: redis-server processes on loopback with append-only persistence — one
/// server, or a cluster — that a test can stop and start again as an operator's outage would.
/// </summary>
public interface IRedisDeployment : IAsyncDisposable
{
    /// <summary>What the app gets as <c>ConnectionStrings:Redis</c>.</summary>
    string ConnectionString { get; }

    /// <summary>Stops every node; the data stays in the append-only files.</summary>
    Task StopAsync();

    /// <summary>Starts every node again from its files and waits (bounded) until it serves.</summary>
    Task StartAsync();
}
