namespace OAuthWebClient.Client.Callback;

/// <summary>The tokens and display name from a redeemed code, or why there are none.</summary>
internal sealed record Redemption
{
    public TokenSet? Tokens { get; private init; }

    public string? DisplayName { get; private init; }

    public SignInFailure? Failure { get; private init; }

    public static Redemption SignedIn(TokenSet tokens, string displayName) => new() { Tokens = tokens, DisplayName = displayName };

    public static Redemption Failed(SignInFailureReason reason, string message, ProtocolError? error = null) =>
        new() { Failure = new SignInFailure { Reason = reason, Message = message, Error = error } };
}
