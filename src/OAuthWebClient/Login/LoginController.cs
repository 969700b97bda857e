using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;
using OAuthWebClient.Errors;

namespace OAuthWebClient.Login;

/// <summary>
/// Step 1 of the flow: the library's <see cref="ISignInService.StartAsync"/> creates the PKCE verifier, state and
/// nonce, keeps them in a transaction cookie and builds the authorization request; this sends the browser there.
/// </summary>
/// <remarks>Mapped at <c>OAuth:LoginPath</c> (see <c>WebAppExtensions.UseWebApp</c>).</remarks>
public sealed class LoginController(ISignInService signIn, StepUpScopes stepUpScopes) : Controller
{
    /// <param name="stepUp">A scope sealed by <see cref="StepUpScopes"/> when a resource server asked for more.</param>
    [HttpGet]
    public async Task<IActionResult> Login(string? returnUrl, string? stepUp, CancellationToken cancellationToken)
    {
        var started = await signIn.StartAsync(HttpContext, new SignInStartRequest { ReturnUrl = returnUrl, AdditionalScopes = stepUpScopes.Open(stepUp) }, cancellationToken);
        return started.AuthorizationUrl is { } url ? Redirect(url.AbsoluteUri) : this.ErrorPage(SignInErrors.Page(started.Failure!));
    }
}
