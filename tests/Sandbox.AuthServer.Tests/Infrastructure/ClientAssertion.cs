using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>Mints private_key_jwt client assertions (RFC 7523 §3, OIDC Core §9); each argument can be changed to break one rule.</summary>
public sealed record ClientAssertion(string ClientId, SecurityKey Key, string Algorithm)
{
    public const string Type = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    /// <summary>What OpenIddict 7 requires as <c>typ</c> (draft-ietf-oauth-rfc7523bis).</summary>
    public const string ClientAuthenticationType = "client-authentication+jwt";

    /// <summary>The <c>aud</c> of the assertions <see cref="Create"/> makes by default: the issuer, as OpenIddict requires.</summary>
    public string Audience { get; init; } = AuthServerFactory.Issuer;

    public string Create(
        string? audience = null,
        TimeSpan? lifetime = null,
        string? jti = null,
        string tokenType = ClientAuthenticationType,
        SecurityKey? key = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(1));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = ClientId,
            Audience = audience ?? Audience,
            Claims = new Dictionary<string, object> { ["sub"] = ClientId, ["jti"] = jti ?? Guid.NewGuid().ToString("N") },
            IssuedAt = expires < now ? expires.AddMinutes(-1) : now,
            NotBefore = expires < now ? expires.AddMinutes(-1) : now,
            Expires = expires,
            TokenType = tokenType,
            SigningCredentials = new SigningCredentials(key ?? Key, Algorithm),
        });
    }
}
