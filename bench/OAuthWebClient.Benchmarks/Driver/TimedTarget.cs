namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>A closed-loop operation against one target, and the process whose CPU it costs.</summary>
internal sealed record TimedTarget(Func<ValueTask<bool>> Operation, ChildProcess Server);
