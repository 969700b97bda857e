using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Assertions;

/// <summary>
/// Signs <c>private_key_jwt</c> client assertions (RFC 7523 §2.2 and §3, OIDC Core §9): <c>iss</c> = <c>sub</c> = the
/// client id, <c>aud</c> = the issuer (FAPI 2.0 §5.3.2.1) or the endpoint, a unique <c>jti</c>, and an <c>exp</c> at
/// most <see cref="ClientAssertionOptions.Lifetime"/> ahead.
/// </summary>
internal sealed class ClientAssertionFactory([FromKeyedServices] ClientAssertionKeys keys, [FromKeyedServices] IOptions<OAuthClientOptions> options, TimeProvider timeProvider)
{
    public const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    public const string AssertionJwtType = "client-authentication+jwt";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>A fresh assertion for one request to <paramref name="endpoint"/> of <paramref name="issuer"/>.</summary>
    public string Create(string issuer, Uri endpoint)
    {
        var key = keys.Current ?? throw new InvalidOperationException("No client assertion key is active (OAuth:ClientAssertion).");
        var now = timeProvider.GetUtcNow();
        var audience = _options.ClientAssertion.Audience == ClientAssertionAudience.Endpoint ? endpoint.GetLeftPart(UriPartial.Path) : issuer;
        var descriptor = new SecurityTokenDescriptor
        {
            // draft-ietf-oauth-rfc7523bis §4: an explicit type, so an assertion cannot be taken for another kind of JWT.
            // OpenIddict requires it; servers that do not know it ignore it.
            TokenType = AssertionJwtType,
            Issuer = _options.ClientId,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            Expires = (now + _options.ClientAssertion.Lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", _options.ClientId), new Claim("jti", RandomValue.Create())]),
            SigningCredentials = key.Credentials,
        };
        return Handler.CreateToken(descriptor);
    }
}
