using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// Validates ID tokens per OIDC Core §3.1.3.7 with Microsoft.IdentityModel: signature, iss, aud and exp as every JWT of
/// the provider (<see cref="ProviderJwtValidator"/>), then azp, iat within the skew, nonce, sub, auth_time.
/// </summary>
internal sealed class IdTokenValidator(
    [FromKeyedServices] ServerMetadataProvider metadata,
    TimeProvider timeProvider,
    EventDispatcher events,
    [FromKeyedServices] IOptions<OAuthClientOptions> options)
{
    private readonly OAuthClientOptions _options = options.Value;
    private readonly ProviderJwtValidator _jwt = new(metadata, timeProvider, options.Value);

    /// <param name="expectedNonce">
    /// The nonce sent at sign-in, where the token's age is also checked (<c>OAuth:MaxIdTokenAge</c>); null when none
    /// is expected (refresh, OIDC Core §12.2).
    /// </param>
    /// <param name="call">The token call the ID token came from, for the <see cref="OAuthClientEvents.IdTokenValidated"/> event.</param>
    /// <param name="maxAge">The <c>max_age</c> sent at sign-in, in seconds: <c>auth_time</c> is then required and checked (OIDC Core §3.1.2.1).</param>
    public async Task<IdTokenValidationResult> ValidateAsync(string idToken, string? expectedNonce, TokenCall call, CancellationToken cancellationToken, int? maxAge = null)
    {
        var result = await ValidateSafelyAsync(idToken, expectedNonce, maxAge, cancellationToken);
        if (events.IsActive)
        {
            await events.RaiseAsync(new IdTokenValidatedContext
            {
                HttpContext = call.HttpContext,
                At = events.Now,
                Kind = call.Kind,
                Provider = call.Provider,
                Endpoint = call.PlainEndpoint,
                TransactionId = call.TransactionId,
                SessionKey = call.SessionKey,
                IsValid = result.IsValid,
                Error = result.Error,
                Issuer = result.Issuer,
                Subject = result.Subject,
            }, (s, c) => s.IdTokenValidated(c));
        }

        return result;
    }

    private async Task<IdTokenValidationResult> ValidateSafelyAsync(string idToken, string? expectedNonce, int? maxAge, CancellationToken cancellationToken)
    {
        try
        {
            return await ValidateTokenAsync(idToken, expectedNonce, maxAge, cancellationToken);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or System.Text.Json.JsonException or SecurityTokenException)
        {
            // A value from the network that the JWT library or the claim checks cannot read (a number out of range,
            // a claim of the wrong type): a typed rejection, never a 500.
            return IdTokenValidationResult.Invalid("The ID token has a claim that cannot be read.");
        }
    }

    private async Task<IdTokenValidationResult> ValidateTokenAsync(string idToken, string? expectedNonce, int? maxAge, CancellationToken cancellationToken)
    {
        var server = await metadata.GetAsync(cancellationToken);
        var verified = await _jwt.ValidateAsync(idToken, server, "ID token", requireExpiration: true, cancellationToken);
        if (verified.Token is not { } token)
        {
            return IdTokenValidationResult.Invalid(verified.Error!);
        }

        var claims = CheckClaims(token, expectedNonce);
        return claims.IsValid ? CheckAuthTime(token, maxAge) ?? claims : claims;
    }

    /// <summary>
    /// OIDC Core §3.1.2.1: with <c>max_age</c> the ID token MUST carry <c>auth_time</c>; §3.1.3.7 step 11: the client
    /// checks it and asks for a new authentication when too much time has passed. Null when the check passes.
    /// </summary>
    private IdTokenValidationResult? CheckAuthTime(JsonWebToken token, int? maxAge)
    {
        if (maxAge is not { } seconds)
        {
            return null;
        }

        if (!token.TryGetPayloadValue<long>("auth_time", out var authTime))
        {
            return IdTokenValidationResult.Invalid("The ID token has no auth_time although max_age was requested (OIDC Core §3.1.2.1).");
        }

        // In seconds since the epoch, as in CheckClaims: a huge value cannot overflow a DateTimeOffset.
        var now = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        return authTime >= now - seconds - (long)_options.ClockSkew.TotalSeconds
            ? null
            : IdTokenValidationResult.Invalid("The person signed in longer ago than OAuth:MaxAge allows (the ID token's auth_time).");
    }

    private IdTokenValidationResult CheckClaims(JsonWebToken token, string? expectedNonce)
    {
        if (!token.TryGetPayloadValue<string>("sub", out var subject) || string.IsNullOrEmpty(subject))
        {
            return IdTokenValidationResult.Invalid("The ID token has no subject (sub).");
        }

        if (expectedNonce is not null && (!token.TryGetPayloadValue<string>("nonce", out var nonce) || !string.Equals(nonce, expectedNonce, StringComparison.Ordinal)))
        {
            return IdTokenValidationResult.Invalid("The ID token's nonce is not the one this sign-in sent.");
        }

        var audiences = token.Audiences.ToList();
        var hasAzp = token.TryGetPayloadValue<string>("azp", out var azp);
        if ((audiences.Count > 1 || hasAzp) && !string.Equals(azp, _options.ClientId, StringComparison.Ordinal))
        {
            return IdTokenValidationResult.Invalid("The ID token has several audiences but its authorized party (azp) is not this client.");
        }

        // Compared in seconds since the epoch: a huge iat cannot overflow a DateTimeOffset.
        var now = timeProvider.GetUtcNow();
        if (!token.TryGetPayloadValue<long>("iat", out var issuedAt) || issuedAt > (now + _options.ClockSkew).ToUnixTimeSeconds())
        {
            return IdTokenValidationResult.Invalid("The ID token's issue time (iat) is missing or in the future.");
        }

        // OIDC Core §3.1.3.7 step 10: an ID token issued long ago is not accepted for a sign-in happening now.
        if (expectedNonce is not null && issuedAt < (now - _options.ClockSkew - _options.MaxIdTokenAge).ToUnixTimeSeconds())
        {
            return IdTokenValidationResult.Invalid("The ID token was issued too long ago (its iat is older than OAuth:MaxIdTokenAge).");
        }

        token.TryGetPayloadValue<string>("name", out var name);
        token.TryGetPayloadValue<string>("preferred_username", out var username);
        // OIDC Front-/Back-Channel Logout: sid names the provider's session, which a logout token may end.
        token.TryGetPayloadValue<string>("sid", out var sid);
        return IdTokenValidationResult.Valid(token.Issuer, subject, name ?? username, string.IsNullOrEmpty(sid) ? null : sid);
    }
}
