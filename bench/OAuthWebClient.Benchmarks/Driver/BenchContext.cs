namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>What every scenario gets: the options, the running servers, Redis, and the report to fill.</summary>
internal sealed record BenchContext(BenchOptions Options, Topology Topology, RedisServer Redis, Report Report, string RunId);
