using OAuthWebClient.FlowInspector;

namespace OAuthWebClient.Profile;

/// <summary>What <c>/profile</c> shows: who signed in and facts about the tokens held for them — never a token value.</summary>
public sealed record ProfileViewModel
{
    public required string Name { get; init; }

    /// <summary>The roles kept with the session (from the claim <c>OAuth:RoleClaim</c> names); empty when none.</summary>
    public required IReadOnlyList<string> Roles { get; init; }

    /// <summary>The ID token's claims (OIDC Core §2), the nonce redacted; empty without an ID token.</summary>
    public required IReadOnlyList<FlowField> Claims { get; init; }

    public required string Issuer { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public required DateTimeOffset AccessTokenExpiresAt { get; init; }

    public required bool HasRefreshToken { get; init; }

    public DateTimeOffset? LastRefreshed { get; init; }

    /// <summary>The access token's format (signed JWT, encrypted, opaque), not its value.</summary>
    public required string AccessTokenFormat { get; init; }
}
