using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using OAuthWebClient.Callback;
using OAuthWebClient.Errors;
using OAuthWebClient.Login;
using OAuthWebClient.Metadata;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// Watches the two browser-facing steps without touching them: the redirect that <see cref="LoginController"/>
/// answers with (step 1) and what <see cref="CallbackController"/> made of the authorization response (step 2).
/// Runs after the action; records redacted copies only.
/// </summary>
public sealed class FlowRecordingFilter(
    FlowRecorder recorder,
    FlowBrowserCookie browserCookie,
    TransactionCookies transactions,
    ServerMetadataProvider metadata,
    IOptions<FlowInspectorOptions> options,
    ILogger<FlowRecordingFilter> logger) : IAsyncActionFilter
{
    private const int MaxParameters = 20;
    private const int MaxValueLength = 200;

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var received = recorder.Now;
        var executed = await next();
        if (!options.Value.IsEnabled || executed.Exception is not null && !executed.ExceptionHandled)
        {
            return;
        }

        var controller = (context.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.AsType();
        try
        {
            if (controller == typeof(LoginController) && executed.Result is RedirectResult redirect)
            {
                RecordAuthorizationRequest(context.HttpContext, redirect.Url);
            }
            else if (controller == typeof(CallbackController))
            {
                await RecordCallbackAsync(context.HttpContext, executed.Result, received);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RecordingFailed(logger, controller == typeof(LoginController) ? "authorization request" : "callback", e.GetType().Name);
        }
    }

    private void RecordAuthorizationRequest(HttpContext http, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var location))
        {
            return;
        }

        var query = QueryHelpers.ParseQuery(location.Query);
        if (!query.TryGetValue("state", out var state) || string.IsNullOrEmpty(state))
        {
            return;
        }

        var cookieName = transactions.CookieName(http, state!);
        var transaction = ReadTransactionJustWritten(http, cookieName);
        var step = AuthorizationRequestStep.Create(location, query, transaction, cookieName, recorder.Now);
        recorder.For(browserCookie.GetOrCreate(http)).Update(FlowRedaction.Fingerprint(state!), recorder.Now, s => s with { Request = step });
    }

    /// <summary>The verifier never leaves the server except inside the encrypted transaction cookie: read it back from the response.</summary>
    private AuthorizationTransaction? ReadTransactionJustWritten(HttpContext http, string cookieName)
    {
        if (!SetCookieHeaderValue.TryParseList([.. http.Response.Headers.SetCookie.OfType<string>()], out var cookies))
        {
            return null;
        }

        var cookie = cookies.LastOrDefault(c => c.Name.Equals(cookieName, StringComparison.Ordinal));
        return cookie is null ? null : transactions.Unprotect(Uri.UnescapeDataString(cookie.Value.ToString()));
    }

    private async Task RecordCallbackAsync(HttpContext http, IActionResult? result, DateTimeOffset received)
    {
        if (browserCookie.Find(http) is not { } browserId)
        {
            return;
        }

        var response = CallbackParameters.From(http.Request.Query);
        var read = response.State is null ? null : transactions.Read(http, response.State);
        var step = new CallbackStep
        {
            At = received,
            Parameters = [.. http.Request.Query.Take(MaxParameters).Select(p => Describe(p.Key, p.Value.ToString()))],
            StateCheck = StateCheck(read),
            IssCheck = await IssCheckAsync(response.Iss, read?.Transaction?.Issuer, http.RequestAborted),
            Outcome = Outcome(result, read?.Status == TransactionStatus.Valid, out var signedIn),
            SignedIn = signedIn,
        };

        var flow = recorder.For(browserId);
        var key = FlowRedaction.Fingerprint(response.State ?? "");
        if (flow.Find(key)?.Callback is not null)
        {
            // The back button or a reload: the code is not redeemed again (RFC 6749 §4.1.2: single use).
            flow.Add(new FlowActivity
            {
                At = received,
                Kind = FlowActivityKind.CallbackRevisited,
                Request = "GET " + http.Request.Path,
                Status = http.Response.StatusCode,
                Details = [.. step.Parameters, new FlowField("state check", step.StateCheck.Explanation), new FlowField("outcome", step.Outcome)],
            });
            return;
        }

        flow.Update(key, recorder.Now, s => s with { Callback = step });
    }

    private static FlowCheck StateCheck(TransactionReadResult? read) => read?.Status switch
    {
        null => FlowCheck.Fail("The response has no state, so it cannot belong to a sign-in started in this browser."),
        TransactionStatus.Valid => FlowCheck.Pass("Matches the state this browser's transaction cookie holds (compared in constant time): the response answers a request made here."),
        TransactionStatus.Missing => FlowCheck.Fail("No sign-in in progress in this browser has this state: already used, started elsewhere, or cookies blocked."),
        TransactionStatus.StateMismatch => FlowCheck.Fail("The transaction cookie holds a different state: possible cross-site request forgery."),
        TransactionStatus.Expired => FlowCheck.Fail("The sign-in that sent this state is older than OAuth:TransactionLifetime."),
        _ => FlowCheck.Fail("The transaction cookie could not be decrypted (altered, or from other keys)."),
    };

    private async Task<FlowCheck> IssCheckAsync(string? iss, string? expected, CancellationToken cancellationToken)
    {
        ServerMetadata? server = null;
        try
        {
            server = await metadata.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            // Shown as "unknown" below.
        }

        expected ??= server?.Issuer;
        if (iss is not null)
        {
            return string.Equals(iss, expected, StringComparison.Ordinal)
                ? FlowCheck.Pass($"iss is \"{iss}\", the issuer this sign-in was sent to: no mix-up with another server.")
                : FlowCheck.Fail($"iss is \"{iss}\" but this sign-in was sent to \"{expected}\": rejected as a possible mix-up attack.");
        }

        return server?.IssParameterSupported == true
            ? FlowCheck.Fail("No iss, although the server's metadata promises it (authorization_response_iss_parameter_supported).")
            : FlowCheck.NotApplicable("No iss, and the server does not promise one: the client relies on one issuer per configuration.");
    }

    private static string Outcome(IActionResult? result, bool transactionFound, out bool signedIn)
    {
        signedIn = false;
        var redirectTo = result switch
        {
            RedirectResult redirect => redirect.Url,
            LocalRedirectResult local => local.Url.TrimStart('~'),
            _ => null,
        };
        switch (result)
        {
            case not null when redirectTo is not null && transactionFound:
                signedIn = true;
                return $"Signed in: a new session cookie, then a redirect to {redirectTo}.";
            case not null when redirectTo is not null:
                return $"Already signed in: a redirect to {redirectTo}, and no code redeemed.";
            case ViewResult { Model: AppError error }:
                return $"Error page \"{error.Title}\" (kind {error.Kind}, HTTP {error.StatusCode}).";
            default:
                return "No page was produced.";
        }
    }

    private static FlowField Describe(string name, string value) => name switch
    {
        "code" => new(name, FlowRedaction.Prefix(value, 6), "Single use, short-lived; worthless without the verifier (RFC 7636 §1)."),
        "state" => new(name, FlowRedaction.Prefix(value), "Must equal the state of step 1."),
        "iss" => new(name, value, "Which server answered (RFC 9207 §2)."),
        "error" => new(name, value, "RFC 6749 §4.1.2.1."),
        _ => new(name, value.Length > MaxValueLength ? value[..MaxValueLength] + "…" : value),
    };
}
