namespace OAuthWebClient.Client;

/// <summary>The outcome of a callback: signed in (and where to go next), or a typed failure.</summary>
public sealed record SignInResult
{
    private SignInResult()
    {
    }

    /// <summary>Local, app-relative URL to return to (the PathBase goes in front); null on failure.</summary>
    public string? ReturnUrl { get; private init; }

    /// <summary>The signed-in person's display name (the ID token's <c>name</c>, else <c>sub</c>); null on failure.</summary>
    public string? DisplayName { get; private init; }

    /// <summary>Why the callback was refused; null on success.</summary>
    public SignInFailure? Failure { get; private init; }

    /// <summary>True when the session cookie was signed in.</summary>
    public bool Succeeded => Failure is null;

    internal static SignInResult SignedIn(string returnUrl, string displayName) => new() { ReturnUrl = returnUrl, DisplayName = displayName };

    internal static SignInResult Failed(SignInFailure failure) => new() { Failure = failure };
}
