using Microsoft.IdentityModel.JsonWebTokens;

namespace OAuthWebClient.Client.Tokens;

/// <summary>Outcome of <see cref="ProviderJwtValidator"/>: the verified token, or a plain reason (never the token) why not.</summary>
internal sealed record ProviderJwt(JsonWebToken? Token, string? Error);
