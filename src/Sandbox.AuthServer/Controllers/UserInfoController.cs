using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sandbox.AuthServer.Authorization;
using Sandbox.AuthServer.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Controllers;

/// <summary>The UserInfo endpoint (OIDC Core §5.3): claims of the access token's subject, per granted scope.</summary>
public sealed class UserInfoController(DemoUserStore users) : Controller
{
    [Authorize(AuthenticationSchemes = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)]
    [HttpGet("~/connect/userinfo")]
    [HttpPost("~/connect/userinfo")]
    [IgnoreAntiforgeryToken] // bearer-token authenticated, not cookie
    [Produces("application/json")]
    public IActionResult UserInfo()
    {
        var user = users.FindBySubject(User.GetClaim(Claims.Subject));
        if (user is null)
        {
            return Challenge(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.Subject };
        if (User.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.Name;
            claims[SandboxClaims.Roles] = user.Roles;
        }

        if (User.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
        }

        return Ok(claims);
    }
}
