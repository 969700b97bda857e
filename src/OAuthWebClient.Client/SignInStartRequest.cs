namespace OAuthWebClient.Client;

/// <summary>What a sign-in asks for beyond the configured defaults.</summary>
public sealed record SignInStartRequest
{
    /// <summary>Local URL to return to after sign-in; anything else becomes "/" (RFC 9700 §4.11).</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>Scopes to ask for in addition to <see cref="OAuthClientOptions.Scope"/> (a step-up after <c>insufficient_scope</c>).</summary>
    public IReadOnlyCollection<string> AdditionalScopes { get; init; } = [];

    /// <summary>
    /// The provider to sign in with (<see cref="OAuthProvider.Name"/>). May be null only when one provider is configured;
    /// an unknown name fails with <see cref="SignInFailureReason.UnknownProvider"/>.
    /// </summary>
    public string? Provider { get; init; }

    /// <summary>
    /// The <c>login_hint</c> to send (OIDC Core §3.1.2.1): the identifier the person is likely to sign in with. A hint
    /// longer than 256 characters or with control characters is not sent (and is logged). Default: none.
    /// </summary>
    public string? LoginHint { get; init; }
}
