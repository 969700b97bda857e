using Microsoft.Extensions.DependencyInjection.Extensions;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Telemetry;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Spans and metrics from the client's events.</summary>
public static class OAuthClientTelemetryExtensions
{
    /// <summary>
    /// Records the client's steps as spans of the <see cref="OAuthClientTelemetry.Name"/> <c>ActivitySource</c> and counts
    /// them with the meter of the same name (System.Diagnostics only: an app adds the source and meter to its
    /// OpenTelemetry SDK, or any listener). Without a listener it records nothing. No code, state, nonce, verifier,
    /// token, secret, session id or URL query is ever recorded.
    /// </summary>
    public static OAuthClientBuilder AddTelemetry(this OAuthClientBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddMetrics();
        builder.Services.TryAddSingleton<TelemetryInstruments>();
        return builder.AddEvents<TelemetryEvents>();
    }
}
