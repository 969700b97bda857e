namespace OAuthWebClient.Client;

/// <summary>The authorization request URL to send the browser to, or why a sign-in cannot start.</summary>
public sealed record SignInStartResult
{
    private SignInStartResult()
    {
    }

    /// <summary>The authorization endpoint with the request's parameters (RFC 6749 §4.1.1); null on failure.</summary>
    public Uri? AuthorizationUrl { get; private init; }

    /// <summary>Why no sign-in could start; null on success.</summary>
    public SignInFailure? Failure { get; private init; }

    /// <summary>True when <see cref="AuthorizationUrl"/> is set.</summary>
    public bool Succeeded => AuthorizationUrl is not null;

    internal static SignInStartResult Redirect(Uri url) => new() { AuthorizationUrl = url };

    internal static SignInStartResult Failed(SignInFailure failure) => new() { Failure = failure };
}
