namespace OAuthWebClient.Client;

/// <summary>
/// What the client knows about the authorization server, for health checks and diagnostics. Resolved keyed by provider
/// name (<see cref="OAuthProvider.Name"/>) for that provider's server; unkeyed, the first provider's.
/// </summary>
public interface IAuthorizationServerStatus
{
    /// <summary>
    /// Reads the metadata document and keys afresh now (without touching the cached copy) and checks them as a sign-in
    /// would: null when a sign-in could start, otherwise the plain reason.
    /// </summary>
    Task<string?> ProbeAsync(CancellationToken cancellationToken = default);

    /// <summary>The server's current metadata, loaded first if need be; null when it cannot be had right now.</summary>
    Task<AuthorizationServerDescription?> DescribeAsync(CancellationToken cancellationToken = default);

    /// <summary>Completes when the metadata was first loaded; never fails.</summary>
    Task<AuthorizationServerDescription> FirstLoaded { get; }

    /// <summary>Server time minus local time, from the last <c>Date</c> header seen (RFC 9110 §6.6.1); null until seen.</summary>
    TimeSpan? ClockOffset { get; }
}
