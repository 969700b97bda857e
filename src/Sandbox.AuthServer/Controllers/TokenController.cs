using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using Sandbox.AuthServer.Authorization;
using Sandbox.AuthServer.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Controllers;

/// <summary>
/// The token endpoint (RFC 6749 §3.2). OpenIddict has already authenticated the client, checked the code,
/// code_verifier (RFC 7636 §4.6) or refresh token, and detected refresh token reuse.
/// </summary>
public sealed class TokenController(DemoUserStore users, ILogger<TokenController> logger) : Controller
{
    [HttpPost("~/connect/token")]
    [IgnoreAntiforgeryToken] // called by the client's back channel, authenticated with its secret
    [Produces("application/json")]
    public async Task<IActionResult> Exchange()
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (!request.IsAuthorizationCodeGrantType() && !request.IsRefreshTokenGrantType())
        {
            throw new InvalidOperationException("The grant type is not supported.");
        }

        // The principal stored in the authorization code or refresh token.
        var result = await HttpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var subject = result.Principal?.GetClaim(Claims.Subject);
        var user = users.FindBySubject(subject);
        if (result.Principal is null || user is null)
        {
            Log.UnknownSubject(logger, subject);
            return Forbid(
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidGrant,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The user no longer exists.",
                }),
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return SignIn(SandboxPrincipal.Refresh(result.Principal, user), OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }
}
