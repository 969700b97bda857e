using System.Buffers.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Client.Logout;

/// <summary>
/// Validates a provider's logout token per OpenID Connect Back-Channel Logout 1.0 §2.6: signature, <c>iss</c>, <c>aud</c> and
/// <c>exp</c> as its ID tokens (<see cref="ProviderJwtValidator"/>, the same keys and algorithms), then <c>iat</c> within
/// <c>OAuth:MaxIdTokenAge</c> (plus the skew), a <c>jti</c>, the logout <c>events</c> member, no <c>nonce</c>, and <c>sid</c>
/// and/or <c>sub</c>. The single use of the <c>jti</c> is the caller's (it needs the shared replay cache).
/// </summary>
internal sealed class LogoutTokenValidator(
    [FromKeyedServices] ServerMetadataProvider metadata,
    TimeProvider timeProvider,
    [FromKeyedServices] IOptions<OAuthClientOptions> options)
{
    /// <summary>§2.4: the member of <c>events</c> that declares the JWT a logout token.</summary>
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    private readonly OAuthClientOptions _options = options.Value;
    private readonly ProviderJwtValidator _jwt = new(metadata, timeProvider, options.Value);

    public async Task<LogoutTokenCheck> ValidateAsync(string logoutToken, CancellationToken cancellationToken)
    {
        if (await metadata.TryGetAsync(cancellationToken) is not { } server)
        {
            return new(null, BackchannelLogoutResult.Failed(BackchannelLogoutFailure.ServerUnavailable, "The provider's metadata or signing keys cannot be read now."));
        }

        try
        {
            var verified = await _jwt.ValidateAsync(logoutToken, server, "logout token", requireExpiration: false, cancellationToken);
            return verified.Token is { } token ? CheckClaims(token) : LogoutTokenCheck.Invalid(verified.Error!);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or JsonException or SecurityTokenException)
        {
            // A value the JWT library or the claim checks cannot read: a typed refusal, never a 500.
            return LogoutTokenCheck.Invalid("The logout token has a claim that cannot be read.");
        }
    }

    /// <summary>
    /// The claims are read from the payload's JSON itself, so that a claim of the wrong type is refused, never read as
    /// absent or as text: a malformed <c>sid</c> must not widen the logout to every session of the <c>sub</c>.
    /// </summary>
    private LogoutTokenCheck CheckClaims(JsonWebToken token)
    {
        // §2.4 recommends typ logout+jwt (explicit typing, RFC 8725 §3.11); a JWT typed otherwise is another kind of token.
        if (token.Typ is { Length: > 0 } typ && !IsLogoutType(typ))
        {
            return LogoutTokenCheck.Invalid("The logout token's typ header is neither logout+jwt nor JWT.");
        }

        using var document = JsonDocument.Parse(Base64Url.DecodeFromChars(token.EncodedPayload));
        var payload = document.RootElement;

        // In seconds since the epoch (a NumericDate may have a fraction): a huge iat cannot overflow a DateTimeOffset.
        var now = timeProvider.GetUtcNow();
        if (!payload.TryGetProperty("iat", out var iat) || iat.ValueKind != JsonValueKind.Number || !iat.TryGetDouble(out var issuedAt)
            || issuedAt > (now + _options.ClockSkew).ToUnixTimeSeconds())
        {
            return LogoutTokenCheck.Invalid("The logout token's issue time (iat) is missing or in the future.");
        }

        if (issuedAt < (now - _options.ClockSkew - _options.MaxIdTokenAge).ToUnixTimeSeconds())
        {
            return LogoutTokenCheck.Invalid("The logout token was issued too long ago (its iat is older than OAuth:MaxIdTokenAge).");
        }

        if (!TryText(payload, "jti", out var jti) || jti is null)
        {
            return LogoutTokenCheck.Invalid("The logout token has no token identifier (jti).");
        }

        if (!payload.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(LogoutEvent, out var member) || member.ValueKind != JsonValueKind.Object)
        {
            return LogoutTokenCheck.Invalid($"The logout token's events claim is not a JSON object with the member {LogoutEvent} holding an object.");
        }

        // §2.4 / §4.1: a nonce makes it an ID token; prohibited, so one can never pass for the other.
        if (payload.TryGetProperty("nonce", out _))
        {
            return LogoutTokenCheck.Invalid("The logout token has a nonce, which a logout token must not have.");
        }

        if (!TryText(payload, "sub", out var subject) || !TryText(payload, "sid", out var sessionId))
        {
            return LogoutTokenCheck.Invalid("The logout token's sid or sub is not a non-empty string.");
        }

        if (subject is null && sessionId is null)
        {
            return LogoutTokenCheck.Invalid("The logout token names neither a session (sid) nor a subject (sub).");
        }

        // Until it could no longer pass the iat check: the replay cache must remember its jti that long.
        var acceptedUntil = DateTimeOffset.FromUnixTimeSeconds((long)issuedAt) + _options.ClockSkew + _options.MaxIdTokenAge;
        return new(new LogoutToken(token.Issuer, subject, sessionId, jti, acceptedUntil), null);
    }

    private static bool IsLogoutType(string typ) =>
        typ.Equals("logout+jwt", StringComparison.OrdinalIgnoreCase) || typ.Equals("application/logout+jwt", StringComparison.OrdinalIgnoreCase)
        || typ.Equals("JWT", StringComparison.OrdinalIgnoreCase);

    /// <summary>True with null when the claim is absent, true with its value when it is a non-empty string, false otherwise.</summary>
    private static bool TryText(JsonElement payload, string claim, out string? value)
    {
        value = null;
        if (!payload.TryGetProperty(claim, out var element))
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return !string.IsNullOrEmpty(value);
    }
}
