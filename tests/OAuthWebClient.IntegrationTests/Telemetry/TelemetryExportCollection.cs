namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>Export tests, one at a time after the parallel tests: their hosts' providers see every host's spans in the process.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryExportCollection
{
    public const string Name = "Telemetry export";
}
