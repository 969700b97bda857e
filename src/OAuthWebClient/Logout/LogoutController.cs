using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;

namespace OAuthWebClient.Logout;

/// <summary>
/// Step 5: sign-out. The library's <see cref="ISignInService.SignOutAsync"/> revokes the tokens (RFC 7009), forgets
/// them and ends the cookie; then RP-initiated logout at the server's end_session_endpoint when it has one: a redirect
/// (<see cref="EndSessionMethod.Get"/>) or an auto-submitted form (<see cref="EndSessionMethod.Post"/>).
/// </summary>
[Route("account")]
public sealed class LogoutController(ISignInService signIn, Microsoft.Extensions.Options.IOptions<OAuthClientOptions> options) : Controller
{
    /// <summary>Where sign-out is posted.</summary>
    public const string LogoutPath = "/account/logout";

    [HttpPost("logout")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        var signedOut = await signIn.SignOutAsync(HttpContext, endServerSession: true, cancellationToken);
        if (signedOut.EndSessionUrl is { } endSession)
        {
            return Redirect(endSession.AbsoluteUri);
        }

        if (signedOut is { EndSessionMethod: EndSessionMethod.Post, EndSessionEndpoint: not null })
        {
            // The form holds the ID token: never cached, never sent on as a Referer (RFC 9700 §4.2.4).
            Response.Headers.CacheControl = "no-store";
            Response.Headers["Referrer-Policy"] = "no-referrer";
            HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity()); // the page is rendered signed out
            return View("~/Views/Account/EndSession.cshtml", signedOut);
        }

        return LocalRedirect("~" + options.Value.SignedOutCallbackPath);
    }
}
