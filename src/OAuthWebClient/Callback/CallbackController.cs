using Microsoft.AspNetCore.Mvc;
using OAuthWebClient.Client;
using OAuthWebClient.Errors;

namespace OAuthWebClient.Callback;

/// <summary>
/// Step 2 of the flow, at <c>OAuth:CallbackPath</c>: the library's <see cref="ISignInService.CompleteAsync"/> checks the
/// response (state, single use, iss), redeems the code, validates the ID token and signs in; this picks the page.
/// </summary>
public sealed class CallbackController(ISignInService signIn) : Controller
{
    [HttpGet]
    public async Task<IActionResult> Handle(CancellationToken cancellationToken)
    {
        var result = await signIn.CompleteAsync(HttpContext, cancellationToken);
        if (result.Succeeded)
        {
            // App-relative: under a path prefix the PathBase goes in front.
            return LocalRedirect("~" + result.ReturnUrl);
        }

        // The back button onto a used callback by someone already signed in: a friendly page that leads home, never a
        // second redemption (RFC 9700 §4.7: state is single use).
        var alreadySignedIn = User.Identity?.IsAuthenticated == true && SignInErrors.IsStaleResponse(result.Failure!.Reason);
        return this.ErrorPage(alreadySignedIn ? AppError.AlreadySignedIn() : SignInErrors.Page(result.Failure!));
    }
}
