using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Sandbox.AuthServer.BackchannelLogout;
using Sandbox.AuthServer.Models;
using Sandbox.AuthServer.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Controllers;

/// <summary>The authorization server's own login page (cookie session, not OAuth).</summary>
public sealed class AccountController(DemoUserStore users, ILogger<AccountController> logger) : Controller
{
    [HttpGet("~/account/login")]
    public IActionResult Login(string? returnUrl) => View(new LoginViewModel { ReturnUrl = returnUrl });

    [HttpPost("~/account/login")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Login([FromForm] LoginViewModel model)
    {
        ArgumentNullException.ThrowIfNull(model);

        var user = users.ValidateCredentials(model.Username, model.Password);
        if (user is null)
        {
            Log.SignInFailed(logger);
            model.Password = null;
            model.Error = "Invalid username or password.";
            return View(model);
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.Subject));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        // This browser session's id, copied into ID tokens and logout tokens (Back-Channel Logout 1.0 §2.4).
        identity.AddClaim(new Claim(SandboxSessions.SessionIdClaim, SandboxSessions.NewSessionId()));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        Log.UserSignedIn(logger, user.Subject);

        // Open-redirect guard: only local return URLs (e.g. /connect/authorize?...) are followed.
        return Url.IsLocalUrl(model.ReturnUrl) ? LocalRedirect(model.ReturnUrl) : LocalRedirect("~/");
    }
}
