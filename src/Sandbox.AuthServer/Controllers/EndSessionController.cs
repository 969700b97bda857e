using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sandbox.AuthServer.BackchannelLogout;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Controllers;

/// <summary>
/// The end-session endpoint (OIDC RP-Initiated Logout 1.0). OpenIddict has validated post_logout_redirect_uri
/// against the registered URIs; the sandbox signs out without a confirmation page, and first tells the clients this
/// session signed in to (Back-Channel Logout 1.0).
/// </summary>
public sealed class EndSessionController(BackchannelLogoutSender backchannelLogout, ILogger<EndSessionController> logger) : Controller
{
    [HttpGet("~/connect/endsession")]
    [HttpPost("~/connect/endsession")]
    [IgnoreAntiforgeryToken] // RP-Initiated Logout §2 allows the RP to POST; there is no form of ours to protect
    public async Task<IActionResult> EndSession()
    {
        Log.UserSignedOut(logger, User.FindFirst(Claims.Subject)?.Value);

        // The session is the cookie's; without the cookie (a cross-site POST), the one the id_token_hint names.
        var hint = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var sid = User.FindFirst(SandboxSessions.SessionIdClaim)?.Value ?? hint.Principal?.GetClaim(SandboxSessions.SessionIdClaim);
        await backchannelLogout.EndSessionAsync(sid);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

        // OpenIddict redirects to the validated post_logout_redirect_uri (with state), else to RedirectUri.
        return SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
