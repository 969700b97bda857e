namespace OAuthWebClient.Client.Events;

/// <summary>The code was redeemed, the tokens stored under a new session id, and the session cookie signed in.</summary>
public sealed class SignedInContext : SignInEventContext
{
    /// <summary>The new session's fingerprint (see <see cref="SessionEventContext.SessionKey"/>).</summary>
    public required string SessionKey { get; init; }

    /// <summary>The display name in the session cookie.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The issuer that signed the person in.</summary>
    public required string Issuer { get; init; }

    /// <summary>The scopes granted.</summary>
    public required string Scope { get; init; }

    /// <summary>Where the browser goes next (local, app-relative).</summary>
    public required string ReturnUrl { get; init; }
}
