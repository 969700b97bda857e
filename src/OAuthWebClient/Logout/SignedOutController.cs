using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;

namespace OAuthWebClient.Logout;

/// <summary>
/// Where the server returns the browser after logout; mapped at <c>OAuth:SignedOutCallbackPath</c>. What the page says
/// comes only from this browser's own state (<see cref="ISignInService.ConfirmSignedOut"/>) and session — never from the URL.
/// </summary>
public sealed class SignedOutController(ISignInService signIn) : Controller
{
    [HttpGet]
    public IActionResult Index()
    {
        Response.Headers.CacheControl = "no-store";
        var confirmed = signIn.ConfirmSignedOut(HttpContext);
        var stillSignedIn = User.Identity?.IsAuthenticated == true;
        return View("~/Views/Account/SignedOut.cshtml", new SignedOutViewModel(ConfirmedByServer: confirmed && !stillSignedIn, stillSignedIn));
    }
}
