using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Metadata;

namespace OAuthWebClient.Client.Claims;

/// <summary>
/// The session's claims at sign-in, from the validated ID token and, with <c>OAuth:UseUserInfo</c>, the UserInfo
/// endpoint (OIDC Core §5.3): mapped by <see cref="ClaimMapping"/> into the small <see cref="UserClaims"/> kept with the
/// session. Runs after the ID token was validated (OIDC Core §3.1.3.7), so its payload is trusted here.
/// </summary>
internal sealed class SignInClaims([FromKeyedServices] UserInfoClient userInfo, [FromKeyedServices] IOptions<OAuthClientOptions> options, ILogger<SignInClaims> logger)
{
    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>The mapping in use; a provider preset can set another.</summary>
    public ClaimMapping Mapping { get; init; } = ClaimMapping.From(options.Value);

    /// <param name="idToken">The validated ID token; null without openid, and then no claims are mapped.</param>
    /// <param name="subject">The validated ID token's <c>sub</c>.</param>
    /// <param name="correlation">For the log: the transaction id at sign-in, the session key at a refresh.</param>
    public async Task<(UserClaims? User, SignInFailure? Failure)> ResolveAsync(
        ServerMetadata server, string accessToken, string? idToken, string? subject, string correlation, CancellationToken cancellationToken)
    {
        if (idToken is null || subject is null)
        {
            return (null, null);
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(new JsonWebToken(idToken).EncodedPayload));
        if (!_options.UseUserInfo)
        {
            return (Mapping.Map(payload.RootElement), null);
        }

        if (server.UserInfoEndpoint is not { } endpoint)
        {
            Log.UserInfoEndpointMissing(logger);
            return (Mapping.Map(payload.RootElement), null);
        }

        var answer = await userInfo.GetAsync(endpoint, accessToken, subject, cancellationToken);
        if (answer.Claims is not { } claims)
        {
            Log.UserInfoRefused(logger, correlation, answer.Error!);
            return (null, new SignInFailure { Reason = answer.Failure!.Value, Message = answer.Error! });
        }

        // OIDC Core §5.3.2: UserInfo may hold claims the ID token does not; where both have one, UserInfo's is the newer.
        return (Mapping.Map(claims, payload.RootElement), null);
    }
}
