using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;

namespace OAuthWebClient.Logout;

/// <summary>
/// Step 5: sign-out. The library's <see cref="ISignInService.SignOutAsync"/> revokes the tokens (RFC 7009), forgets
/// them and ends the cookie; then RP-initiated logout at the server's end_session_endpoint when it has one.
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
        return signedOut.EndSessionUrl is { } endSession
            ? Redirect(endSession.AbsoluteUri)
            : LocalRedirect("~" + options.Value.SignedOutCallbackPath);
    }
}
