using OAuthWebClient.Benchmarks.Driver;
using OAuthWebClient.Benchmarks.Hosts;

// `serve sandbox|bare ...` runs one of the harness's own servers (started by the driver as a child process);
// anything else runs the driver: see docs/benchmarks.md and `--help`.
return args is ["serve", var role, .. var rest]
    ? await ServerRoles.RunAsync(role, rest)
    : await BenchmarkRun.RunAsync(args);
