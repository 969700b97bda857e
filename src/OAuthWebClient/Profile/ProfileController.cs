using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Admin;
using OAuthWebClient.Errors;
using OAuthWebClient.FlowInspector;
using OAuthWebClient.Client;

namespace OAuthWebClient.Profile;

/// <summary>
/// <c>/profile</c>: the signed-in user's claims and the metadata of the tokens the server holds for the session —
/// issuer, granted scopes, expiry, refresh token held, last refresh. Token values never reach the page (RFC 9700 §4.14).
/// </summary>
[Authorize]
[Route("profile")]
public sealed class ProfileController(IUserTokenService tokens, IOptions<OAuthClientOptions> options) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        if ((await tokens.GetAccessTokenAsync(HttpContext, cancellationToken)).Token is not { } token)
        {
            return this.ErrorPage(AppError.SessionExpired() with { RetryUrl = SignInLink.To(options.Value, "/profile") });
        }

        return View(new ProfileViewModel
        {
            Name = User.Identity?.Name ?? token.Subject ?? "",
            Roles = User.Roles(),
            Claims = token.IdToken is { } idToken ? JwtInspection.Decode(idToken).Claims : [],
            Issuer = token.Issuer,
            Scopes = token.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            AccessTokenExpiresAt = token.ExpiresAt,
            HasRefreshToken = token.HasRefreshToken,
            LastRefreshed = token.LastRefreshed,
            AccessTokenFormat = JwtInspection.Decode(token.AccessToken).Format,
        });
    }
}
