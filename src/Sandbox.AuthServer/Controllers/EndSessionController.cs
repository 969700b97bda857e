using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Controllers;

/// <summary>
/// The end-session endpoint (OIDC RP-Initiated Logout 1.0). OpenIddict has validated post_logout_redirect_uri
/// against the registered URIs; the sandbox signs out without a confirmation page.
/// </summary>
public sealed class EndSessionController(ILogger<EndSessionController> logger) : Controller
{
    [HttpGet("~/connect/endsession")]
    [HttpPost("~/connect/endsession")]
    [IgnoreAntiforgeryToken] // RP-Initiated Logout §2 allows the RP to POST; there is no form of ours to protect
    public async Task<IActionResult> EndSession()
    {
        Log.UserSignedOut(logger, User.FindFirst(Claims.Subject)?.Value);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);

        // OpenIddict redirects to the validated post_logout_redirect_uri (with state), else to RedirectUri.
        return SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
