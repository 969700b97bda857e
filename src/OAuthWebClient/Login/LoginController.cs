using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;
using OAuthWebClient.Errors;

namespace OAuthWebClient.Login;

/// <summary>
/// Step 1 of the flow: the library's <see cref="ISignInService.StartAsync"/> creates the PKCE verifier, state and
/// nonce, keeps them in a transaction cookie and builds the authorization request; this sends the browser there.
/// </summary>
/// <remarks>Mapped at <c>OAuth:LoginPath</c> (see <c>WebAppExtensions.UseWebApp</c>).</remarks>
public sealed class LoginController(ISignInService signIn, IOAuthProviders providers, StepUpScopes stepUpScopes) : Controller
{
    /// <param name="returnUrl">The local page to come back to.</param>
    /// <param name="stepUp">A scope sealed by <see cref="StepUpScopes"/> when a resource server asked for more.</param>
    /// <param name="provider">The provider to sign in with; with several and none named, a page lists them.</param>
    /// <param name="loginHint">Passed on as <c>login_hint</c> (OIDC Core §3.1.2.1); the library drops one that is too long or has control characters.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    [HttpGet]
    public async Task<IActionResult> Login(string? returnUrl, string? stepUp, string? provider, [FromQuery(Name = "login_hint")] string? loginHint, CancellationToken cancellationToken)
    {
        // A step-up (or a second sign-in) of someone signed in goes to their session's provider: the library picks it.
        if (provider is null && providers.All.Count > 1 && User.Identity?.IsAuthenticated != true)
        {
            return View("ChooseProvider", new ChooseProviderViewModel(providers.All, returnUrl));
        }

        var request = new SignInStartRequest { ReturnUrl = returnUrl, AdditionalScopes = stepUpScopes.Open(stepUp), Provider = provider, LoginHint = loginHint };
        var started = await signIn.StartAsync(HttpContext, request, cancellationToken);
        return started.AuthorizationUrl is { } url ? Redirect(url.AbsoluteUri) : this.ErrorPage(SignInErrors.Page(started.Failure!));
    }
}
