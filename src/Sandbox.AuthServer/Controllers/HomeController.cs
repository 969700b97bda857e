using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Sandbox.AuthServer.BackchannelLogout;
using Sandbox.AuthServer.Models;

namespace Sandbox.AuthServer.Controllers;

/// <summary>A landing page: shows who is signed in, links to the discovery document, and signs out everywhere.</summary>
public sealed class HomeController(BackchannelLogoutSender backchannelLogout) : Controller
{
    [HttpGet("~/")]
    public IActionResult Index() => View(new HomeViewModel());

    /// <summary>
    /// Ends this sandbox session and, by back-channel logout, the sessions it started at every client that registered a
    /// BackchannelLogoutUri; the page lists what each client answered.
    /// </summary>
    [HttpPost("~/account/signout-everywhere")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> SignOutEverywhere()
    {
        var deliveries = await backchannelLogout.EndSessionAsync(User.FindFirst(SandboxSessions.SessionIdClaim)?.Value);
        await HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        HttpContext.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity()); // rendered signed out
        return View(nameof(Index), new HomeViewModel { SignedOutEverywhere = true, Deliveries = deliveries });
    }
}
