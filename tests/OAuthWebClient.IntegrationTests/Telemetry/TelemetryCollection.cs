namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// One recorded flow for every telemetry test, run after the parallel tests and alone: ASP.NET Core's and the client's
/// sources are process-wide, so another host's spans and measurements would otherwise mix in.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection : ICollectionFixture<TelemetryFlow>
{
    public const string Name = "Telemetry";
}
