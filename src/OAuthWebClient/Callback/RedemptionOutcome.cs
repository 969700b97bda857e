using OAuthWebClient.Errors;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Callback;

/// <summary>The tokens and display name from a redeemed code, or the error to show.</summary>
public sealed record RedemptionOutcome
{
    public TokenSet? Tokens { get; private init; }

    public string? DisplayName { get; private init; }

    public AppError? Error { get; private init; }

    public static RedemptionOutcome SignedIn(TokenSet tokens, string displayName) => new() { Tokens = tokens, DisplayName = displayName };

    public static RedemptionOutcome Failed(AppError error) => new() { Error = error };
}
