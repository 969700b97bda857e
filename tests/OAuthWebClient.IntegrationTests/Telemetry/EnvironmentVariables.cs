namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// Sets process environment variables until disposed, then restores them — for what an app reads from its
/// environment while it is being built (<c>OTEL_*</c>), which a test host's settings arrive too late for. Only in
/// collections that run alone.
/// </summary>
internal sealed class EnvironmentVariables : IDisposable
{
    private readonly List<(string Name, string? Previous)> _previous = [];

    public EnvironmentVariables(IEnumerable<(string Name, string Value)> variables)
    {
        foreach (var (name, value) in variables)
        {
            _previous.Add((name, Environment.GetEnvironmentVariable(name)));
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public void Dispose()
    {
        foreach (var (name, previous) in _previous)
        {
            Environment.SetEnvironmentVariable(name, previous);
        }
    }
}
