namespace OAuthWebClient.Client;

/// <summary>
/// Why a sign-in failed: a machine-readable <see cref="Reason"/>, a plain-English <see cref="Message"/> that holds no
/// secret (safe to log or show, HTML-escaped), and the server's OAuth error when there was one.
/// </summary>
public sealed record SignInFailure
{
    /// <summary>What went wrong, for the app to map to a page.</summary>
    public required SignInFailureReason Reason { get; init; }

    /// <summary>One sentence for a person or a log; never contains a code, state, token or secret.</summary>
    public required string Message { get; init; }

    /// <summary>The OAuth error the authorization or token endpoint returned (RFC 6749 §4.1.2.1, §5.2), if any.</summary>
    public ProtocolError? Error { get; init; }
}
