using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using Sandbox.AuthServer.Authorization;
using Sandbox.AuthServer.BackchannelLogout;
using Sandbox.AuthServer.Configuration;
using Sandbox.AuthServer.Models;
using Sandbox.AuthServer.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Controllers;

/// <summary>
/// The authorization endpoint (RFC 6749 §3.1). OpenIddict has already validated the request (client,
/// exact redirect_uri, PKCE, scopes) before it is passed through to these actions.
/// </summary>
public sealed class AuthorizationController(
    IOpenIddictApplicationManager applications,
    DemoUserStore users,
    IOptions<AuthServerOptions> options,
    SandboxSessions sessions,
    TimeProvider clock,
    ILogger<AuthorizationController> logger) : Controller
{
    private const string CookieScheme = CookieAuthenticationDefaults.AuthenticationScheme;
    private const string OpenIddictScheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    /// <summary>Signs the user in if needed, then shows the consent page.</summary>
    [HttpGet("~/connect/authorize")]
    public async Task<IActionResult> Authorize()
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await HttpContext.AuthenticateAsync(CookieScheme);
        var user = users.FindBySubject(session.Principal?.FindFirst(Claims.Subject)?.Value);

        if (user is null || NeedsFreshLogin(request, session))
        {
            // OIDC Core §3.1.2.1: prompt=none must not show UI.
            if (request.HasPromptValue(PromptValues.None))
            {
                return ForbidWithError(Errors.LoginRequired, "The user is not signed in.");
            }

            // prompt=login and max_age are satisfied by this login: drop them so the return does not loop.
            var parameters = Request.Query
                .Where(p => p.Key is not (Parameters.Prompt or Parameters.MaxAge))
                .ToList();
            var returnUrl = Request.PathBase + Request.Path + QueryString.Create(parameters);
            return Challenge(new AuthenticationProperties { RedirectUri = returnUrl }, CookieScheme);
        }

        // Consent is explicit and asked every time, so it can never be given silently.
        if (request.HasPromptValue(PromptValues.None))
        {
            return ForbidWithError(Errors.ConsentRequired, "Interactive consent is required.");
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!)
            ?? throw new InvalidOperationException("The client application cannot be found.");
        var clientName = await applications.GetDisplayNameAsync(application) ?? request.ClientId!;
        var scopes = request.GetScopes().Select(s => new ScopeDescription(s, SandboxScopes.Describe(s))).ToList();
        var hidden = Request.Query
            .SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v ?? "")))
            .ToList();
        return View("Consent", new ConsentViewModel(clientName, user.Name, scopes, hidden));
    }

    /// <summary>Receives the consent decision (the form re-posts the authorization request).</summary>
    [HttpPost("~/connect/authorize")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Decide([FromForm] string? decision)
    {
        var request = HttpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await HttpContext.AuthenticateAsync(CookieScheme);
        var user = users.FindBySubject(session.Principal?.FindFirst(Claims.Subject)?.Value);
        if (user is null)
        {
            return ForbidWithError(Errors.LoginRequired, "The user is no longer signed in.");
        }

        if (!string.Equals(decision, "allow", StringComparison.Ordinal))
        {
            Log.ConsentDenied(logger, user.Subject, request.ClientId);
            // RFC 6749 §4.1.2.1: OpenIddict redirects to the client with error=access_denied.
            return ForbidWithError(Errors.AccessDenied, "The user denied the authorization request.");
        }

        var scopes = request.GetScopes();
        Log.ConsentGranted(logger, user.Subject, request.ClientId, string.Join(' ', scopes));
        var sid = session.Principal?.FindFirst(SandboxSessions.SessionIdClaim)?.Value;
        var principal = SandboxPrincipal.Create(
            user, scopes, options.Value.PhotosApiAudience, session.Properties?.IssuedUtc, sid);
        if (sid is not null)
        {
            // Back-Channel Logout 1.0 §2.3: remember which clients this session signed in to.
            sessions.SignedInTo(sid, user.Subject, request.ClientId!);
        }

        // OpenIddict issues the code and redirects with code, state and iss (RFC 9207).
        return SignIn(principal, OpenIddictScheme);
    }

    private bool NeedsFreshLogin(OpenIddictRequest request, AuthenticateResult session)
    {
        // RFC 9126 §4: a pushed request's prompt and max_age live at the server and cannot be dropped from the return
        // URL (it holds only client_id and request_uri); a login since the request was pushed satisfies them.
        if (PushedAt() is { } pushed && session.Properties?.IssuedUtc >= pushed)
        {
            return false;
        }

        if (request.HasPromptValue(PromptValues.Login))
        {
            return true;
        }

        // OIDC Core §3.1.2.1 max_age: re-authenticate when the session is older than allowed.
        return request.MaxAge is long maxAge && session.Properties?.IssuedUtc is { } issued
            && clock.GetUtcNow() - issued > TimeSpan.FromSeconds(maxAge);
    }

    private DateTimeOffset? PushedAt() => HttpContext.Features.Get<OpenIddictServerAspNetCoreFeature>()?.Transaction
        ?.GetProperty<OpenIddictServerEvents.ProcessAuthenticationContext>(typeof(OpenIddictServerEvents.ProcessAuthenticationContext).FullName!)
        ?.RequestTokenPrincipal?.GetCreationDate();

    private ForbidResult ForbidWithError(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        OpenIddictScheme);
}
