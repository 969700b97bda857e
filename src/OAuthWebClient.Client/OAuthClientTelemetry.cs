namespace OAuthWebClient.Client;

/// <summary>
/// The name of the client's <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>
/// (added by <c>AddTelemetry()</c>), for an app's <c>AddSource(OAuthClientTelemetry.Name)</c> and <c>AddMeter(OAuthClientTelemetry.Name)</c>.
/// Spans and metrics carry fixed names and low-cardinality values only: never a code, state, nonce, verifier, token,
/// secret, session id or URL query.
/// </summary>
public static class OAuthClientTelemetry
{
    /// <summary><c>OAuthWebClient</c>.</summary>
    public const string Name = "OAuthWebClient";
}
