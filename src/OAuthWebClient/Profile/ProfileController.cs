using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OAuthWebClient.Errors;
using OAuthWebClient.FlowInspector;
using OAuthWebClient.Login;
using OAuthWebClient.OAuth;
using OAuthWebClient.Session;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.Profile;

/// <summary>
/// <c>/profile</c>: the signed-in user's claims and the metadata of the tokens the server holds for the session —
/// issuer, granted scopes, expiry, refresh token held, last refresh. Token values never reach the page (RFC 9700 §4.14).
/// </summary>
[Authorize]
[Route("profile")]
public sealed class ProfileController(TokenService tokenService, IOptions<OAuthClientOptions> options) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "no-store";
        var tokens = User.GetSessionId() is { } sessionId ? await tokenService.GetTokensAsync(sessionId, cancellationToken) : null;
        if (tokens is null)
        {
            return this.ErrorPage(AppError.SessionExpired() with { RetryUrl = SignInLink.To(options.Value, "/profile") });
        }

        return View(new ProfileViewModel
        {
            Name = User.Identity?.Name ?? tokens.Subject ?? "",
            Claims = tokens.IdToken is { } idToken ? JwtInspection.Decode(idToken).Claims : [],
            Issuer = tokens.Issuer,
            Scopes = tokens.Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries),
            AccessTokenExpiresAt = tokens.ExpiresAt,
            HasRefreshToken = tokens.RefreshToken is not null,
            LastRefreshed = tokens.LastRefreshed,
            AccessTokenFormat = JwtInspection.Decode(tokens.AccessToken).Format,
        });
    }
}
