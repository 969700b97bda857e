namespace OAuthWebClient.FlowInspector;

/// <summary>Steps 1–4 of one sign-in, matched by a fingerprint of its state (never the state itself).</summary>
public sealed record SignInTimeline
{
    public required string StateKey { get; init; }

    public required DateTimeOffset Updated { get; init; }

    public AuthorizationRequestStep? Request { get; init; }

    public CallbackStep? Callback { get; init; }

    public TokenRequestStep? TokenRequest { get; init; }

    public TokenResponseStep? TokenResponse { get; init; }

    /// <summary>When this sign-in began: its request, or the first step seen.</summary>
    public DateTimeOffset Started => Request?.At ?? Callback?.At ?? TokenRequest?.At ?? Updated;
}
