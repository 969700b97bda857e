using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Presets;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// What every JWT a provider signs for this client is checked for — an ID token (OIDC Core §3.1.3.7) or a logout token
/// (Back-Channel Logout 1.0 §2.6 step 3: "in the same way as ID tokens"): the signature, from the JWKS with an allowed
/// algorithm; <c>iss</c>; <c>aud</c>; <c>exp</c> and <c>nbf</c> within the skew. An unknown <c>kid</c> triggers one metadata
/// refresh (rate-limited by the configuration manager) so key rotation needs no restart (§10.1.1); a token without kid is
/// tried against every published key, and verifies with the one that signed it. The claims of each kind are its caller's.
/// </summary>
internal sealed class ProviderJwtValidator(ServerMetadataProvider metadata, TimeProvider timeProvider, OAuthClientOptions options)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <param name="server">The provider's current metadata (its issuer and keys).</param>
    /// <param name="what">The token's name in the plain reasons: "ID token", "logout token".</param>
    /// <param name="requireExpiration">False when <c>exp</c> may be absent (a logout token; it is still checked when present).</param>
    public async Task<ProviderJwt> ValidateAsync(string jwt, ServerMetadata server, string what, bool requireExpiration, CancellationToken cancellationToken)
    {
        var result = await _handler.ValidateTokenAsync(jwt, Parameters(server, requireExpiration));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            try
            {
                server = await metadata.RefreshAsync(cancellationToken);
                result = await _handler.ValidateTokenAsync(jwt, Parameters(server, requireExpiration));
            }
            catch (InvalidOperationException)
            {
                // The server could not be reached again: the key stays unknown, the token is refused below.
            }
        }

        if (result.IsValid && result.SecurityToken is JsonWebToken token)
        {
            return new ProviderJwt(token, null);
        }

        return new ProviderJwt(null, result.Exception is SecurityTokenSignatureKeyNotFoundException && !HasKid(jwt)
            ? $"The {what}'s signature does not verify with any key the server publishes."
            : Describe(result.Exception, what));
    }

    private TokenValidationParameters Parameters(ServerMetadata server, bool requireExpiration) => new()
    {
        ValidIssuer = server.Issuer,
        IssuerValidator = TenantIssuer.IsTemplate(server.Issuer) && options.AllowsTenantIssuer ? TenantIssuer.Validator(server.Issuer, options.AllowedTenants) : null,
        ValidAudience = options.ClientId,
        IssuerSigningKeys = SigningKeys(server),
        ValidAlgorithms = options.EffectiveIdTokenSigningAlgorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = requireExpiration,
        ValidateLifetime = true,
        ClockSkew = options.ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) => ValidLifetime(notBefore, expires, requireExpiration),
    };

    /// <summary>
    /// The keys a signature may verify with. Asymmetric keys come from the JWKS. A symmetric key in a JWKS is
    /// public, so it is never trusted; HS* signatures (only when allowed) verify with the client secret's octets
    /// (OIDC Core §10.1).
    /// </summary>
    private IEnumerable<SecurityKey> SigningKeys(ServerMetadata server)
    {
        var keys = server.SigningKeys.Where(key => key is not SymmetricSecurityKey && key is not JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.Octet });
        var allowsHmac = options.EffectiveIdTokenSigningAlgorithms.Any(a => a.StartsWith("HS", StringComparison.OrdinalIgnoreCase));
        return allowsHmac && !string.IsNullOrEmpty(options.ClientSecret)
            ? keys.Append(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(options.ClientSecret)))
            : keys;
    }

    /// <summary>
    /// exp (and nbf when present) against the injected clock, so tests can move time. IdentityModel passes
    /// <see cref="DateTime.MinValue"/> for an absent nbf, so no arithmetic is done on the token's values (overflow).
    /// </summary>
    private bool ValidLifetime(DateTime? notBefore, DateTime? expires, bool requireExpiration)
    {
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var hasExpiry = expires is { } e && e != DateTime.MinValue;
        var expired = hasExpiry ? expires!.Value <= now - options.ClockSkew : requireExpiration;
        var notYetValid = notBefore is { } nbf && nbf != DateTime.MinValue && nbf > now + options.ClockSkew;
        return !expired && !notYetValid;
    }

    /// <summary>
    /// Without a kid (optional, JWS RFC 7515 §4.1.4) every published key of the algorithm's type is tried, so "no key
    /// found" then means "no key verifies it": a forged or tampered token as much as an unpublished key.
    /// </summary>
    private bool HasKid(string jwt) => _handler.ReadJsonWebToken(jwt).Kid is { Length: > 0 };

    private static string Describe(Exception? exception, string what) => exception switch
    {
        SecurityTokenInvalidAlgorithmException => $"The {what} is signed with an algorithm that is not allowed.",
        SecurityTokenSignatureKeyNotFoundException => $"The {what} is signed with a key the server does not publish.",
        SecurityTokenInvalidSignatureException => $"The {what}'s signature is not valid.",
        SecurityTokenInvalidIssuerException => $"The {what} was issued by another server.",
        SecurityTokenInvalidAudienceException => $"The {what} was issued for another client.",
        SecurityTokenInvalidLifetimeException or SecurityTokenExpiredException or SecurityTokenNoExpirationException => $"The {what} has expired or has no valid lifetime.",
        SecurityTokenMalformedException or ArgumentException => $"The {what} is not a well-formed JWT.",
        _ => $"The {what} is not valid.",
    };
}
