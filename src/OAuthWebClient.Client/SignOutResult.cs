namespace OAuthWebClient.Client;

/// <summary>After sign-out: where the browser goes next.</summary>
public sealed record SignOutResult
{
    /// <summary>The server's end_session_endpoint with the logout parameters (RP-Initiated Logout 1.0 §2); null when there is none.</summary>
    public Uri? EndSessionUrl { get; init; }

    /// <summary>True when a session was signed out (there was a session cookie).</summary>
    public bool HadSession { get; init; }
}
