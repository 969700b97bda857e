using Microsoft.AspNetCore.Mvc;

namespace OAuthWebClient.Logout;

/// <summary>
/// Where the server returns the browser after logout; mapped at <c>OAuth:SignedOutCallbackPath</c>. What the page says
/// comes only from this browser's own state (<see cref="LogoutState"/>) and session — never from the URL.
/// </summary>
public sealed class SignedOutController(LogoutState logoutState) : Controller
{
    [HttpGet]
    public IActionResult Index()
    {
        Response.Headers.CacheControl = "no-store";
        var state = Request.Query["state"] is { Count: 1 } values ? values[0] : null;
        var confirmed = logoutState.Confirm(HttpContext, state);
        var stillSignedIn = User.Identity?.IsAuthenticated == true;
        return View("~/Views/Account/SignedOut.cshtml", new SignedOutViewModel(ConfirmedByServer: confirmed && !stillSignedIn, stillSignedIn));
    }
}
