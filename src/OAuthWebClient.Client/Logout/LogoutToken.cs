namespace OAuthWebClient.Client.Logout;

/// <summary>A validated logout token's claims (Back-Channel Logout 1.0 §2.4): whose sessions it ends, and its single-use id.</summary>
internal sealed record LogoutToken(string Issuer, string? Subject, string? SessionId, string TokenId, DateTimeOffset AcceptedUntil);
