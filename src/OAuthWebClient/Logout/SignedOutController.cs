using Microsoft.AspNetCore.Mvc;

namespace OAuthWebClient.Logout;

/// <summary>Where the server returns the browser after logout; mapped at <c>OAuth:SignedOutCallbackPath</c>.</summary>
public sealed class SignedOutController : Controller
{
    [HttpGet]
    public IActionResult Index()
    {
        Response.Headers.CacheControl = "no-store";
        return View("~/Views/Account/SignedOut.cshtml");
    }
}
