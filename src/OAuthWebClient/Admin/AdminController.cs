using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace OAuthWebClient.Admin;

/// <summary>
/// <c>/admin</c>: only for the role <c>admin</c>, read from the claim <c>OAuth:RoleClaim</c> names. Signed out: sign-in
/// first; signed in without the role: the friendly 403 page (Errors/), not a loop back to sign-in.
/// </summary>
[Authorize(Roles = Role)]
[Route("admin")]
public sealed class AdminController : Controller
{
    public const string Role = "admin";

    [HttpGet("")]
    public IActionResult Index()
    {
        Response.Headers.CacheControl = "no-store";
        return View(new AdminViewModel { Name = User.Identity?.Name ?? "", Roles = User.Roles() });
    }
}
