using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// The inspector as an observer of the library's events: it records, redacted, what the events said — the requests as
/// built, the checks with their verdicts, the outcomes — and never re-derives the protocol. Idle when it is off.
/// </summary>
public sealed class FlowInspectorEvents(FlowRecorder recorder, FlowBrowserCookie browserCookie, IOptions<FlowInspectorOptions> options) : OAuthClientEvents
{
    private const string Pending = "Checks passed: the code is redeemed next.";
    private static readonly object PendingRequest = new();
    private static readonly object PushedRequest = new();

    public override Task AuthorizationRequestBuilt(AuthorizationRequestContext context)
    {
        if (Enabled(context) is { } http)
        {
            var (push, pushResponse) = http.Items[PushedRequest] is (TokenRequestStep sent, TokenResponseStep answer) ? (sent, answer) : ((TokenRequestStep?)null, (TokenResponseStep?)null);
            http.Items.Remove(PushedRequest);
            var step = AuthorizationRequestStep.From(context, push, pushResponse);
            recorder.For(browserCookie.GetOrCreate(http)).Update(context.TransactionId!, context.At, s => s with { Request = step });
        }

        return Task.CompletedTask;
    }

    public override Task CallbackReceived(CallbackReceivedContext context)
    {
        if (Browser(context) is not { } flow)
        {
            return Task.CompletedTask;
        }

        var step = new CallbackStep
        {
            At = context.At,
            Parameters = [.. context.Parameters.Select(Describe)],
            Checks = [.. context.Checks.Select(c => (c.Name, FlowCheck.From(c)))],
            Outcome = context.Failure is { } failure ? Refused(failure) : Pending,
            SignedIn = false,
        };
        var key = context.TransactionId ?? "";
        if (flow.Find(key)?.Callback is not null)
        {
            // The back button or a reload: the code is not redeemed again (RFC 6749 §4.1.2: single use).
            flow.Add(new FlowActivity
            {
                At = context.At,
                Kind = FlowActivityKind.CallbackRevisited,
                Request = "GET " + context.HttpContext!.Request.Path,
                Details = [.. step.Parameters, .. step.Checks.Select(c => new FlowField(c.Name + " check", c.Check.Explanation)), new FlowField("outcome", step.Outcome)],
            });
            return Task.CompletedTask;
        }

        flow.Update(key, context.At, s => s with { Callback = step });
        return Task.CompletedTask;
    }

    public override Task SignedIn(SignedInContext context) =>
        Complete(context, $"Signed in: a new session cookie, then a redirect to {context.ReturnUrl}.", signedIn: true);

    public override Task SignInFailed(SignInFailedContext context) => Complete(context, Refused(context.Failure), signedIn: false);

    public override Task TokenRequestSent(TokenRequestContext context)
    {
        if (Enabled(context) is { } http)
        {
            var step = TokenStepDescriptions.Request(context);
            if (context.Kind != TokenRequestKind.AuthorizationCode)
            {
                http.Items[PendingRequest] = step;
            }
            else if (Browser(context) is { } flow)
            {
                flow.Update(context.TransactionId!, context.At, s => s with { TokenRequest = step });
            }
        }

        return Task.CompletedTask;
    }

    public override Task TokenResponseReceived(TokenResponseContext context)
    {
        if (Enabled(context) is not { } http)
        {
            return Task.CompletedTask;
        }

        var response = TokenStepDescriptions.Response(context);
        var request = http.Items[PendingRequest] as TokenRequestStep;
        http.Items.Remove(PendingRequest);
        if (context.Kind == TokenRequestKind.PushedAuthorization)
        {
            // Shown with the authorization request it stands for (AuthorizationRequestBuilt, just after), even before
            // this browser has the inspector's cookie.
            http.Items[PushedRequest] = (request, response);
            return Task.CompletedTask;
        }

        if (Browser(context) is not { } flow)
        {
            return Task.CompletedTask;
        }

        if (context.Kind == TokenRequestKind.AuthorizationCode)
        {
            flow.Update(context.TransactionId!, context.At, s => s with { TokenResponse = response });
            return Task.CompletedTask;
        }

        var refresh = context.Kind == TokenRequestKind.RefreshToken;
        flow.Add(new FlowActivity
        {
            At = request?.At ?? context.At,
            Kind = refresh ? FlowActivityKind.Refresh : FlowActivityKind.Revocation,
            Request = refresh ? $"POST {context.Endpoint.AbsolutePath} (grant_type=refresh_token)" : $"POST {context.Endpoint.AbsolutePath} (revoke {request?.Form.FirstOrDefault(f => f.Name == "token_type_hint")?.Value})",
            Status = context.StatusCode,
            Latency = context.Latency,
            // What the refresh meant for the session comes from TokenRefreshed / RefreshFailed, just after.
            Rotation = response.Failure is { } failure ? "No new tokens: " + failure : null,
            Details = [.. request?.Form ?? [], .. refresh ? response.Fields : []],
        });
        return Task.CompletedTask;
    }

    public override Task TokenRefreshed(TokenRefreshedContext context)
    {
        Browser(context)?.AnnotateLast(FlowActivityKind.Refresh, context.Rotated
            ? "Rotated: a new refresh token replaced the used one (RFC 9700 §4.14.2), and a new access token."
            : "Not rotated: the same refresh token stays in use; new access token." + (context.LeaseWaited ? " (Waited for another request's refresh.)" : ""));
        return Task.CompletedTask;
    }

    public override Task ApiCallCompleted(ApiCallContext context)
    {
        if (Browser(context) is not { } flow)
        {
            return Task.CompletedTask;
        }

        var previous = flow.SwapAccessToken(context.AccessToken.Fingerprint);
        var rotation = previous is null ? "First call with this session's access token."
            : previous == context.AccessToken.Fingerprint ? "Same access token as the previous call."
            : "New access token since the previous call (it was refreshed).";
        List<FlowField> details = context.DPoPProof is null
            ? [new("Authorization", "Bearer " + context.AccessToken, "RFC 6750 §2.1: added by the library's user access token handler, only for the API's origin.")]
            : [
                new("Authorization", "DPoP " + context.AccessToken, "RFC 9449 §7.1: a DPoP-bound token, useless without the session's private key."),
                .. TokenStepDescriptions.Jwt(context.DPoPProof)!.Select(f => f with { Name = "DPoP proof " + f.Name }),
            ];
        if (context.Challenge is { } challenge)
        {
            details.Add(new FlowField("WWW-Authenticate", challenge, "RFC 6750 §3: why the API refused."));
        }

        flow.Add(new FlowActivity
        {
            At = context.At,
            Kind = FlowActivityKind.ApiCall,
            Request = $"{context.Method} {context.Url.AbsolutePath}" + (context.IsRetry ? " (retry after refresh)" : ""),
            Status = context.StatusCode,
            Latency = context.Latency,
            Rotation = rotation,
            Details = details,
        });
        return Task.CompletedTask;
    }

    private Task Complete(SignInEventContext context, string outcome, bool signedIn)
    {
        // Only a callback this browser recorded, still waiting for its outcome (not a revisit, not a failed start).
        if (context.TransactionId is { } key && Browser(context) is { } flow)
        {
            flow.Update(key, context.At, s => s.Callback is { Outcome: Pending } callback ? s with { Callback = callback with { Outcome = outcome, SignedIn = signedIn } } : s);
        }

        return Task.CompletedTask;
    }

    private static string Refused(Client.SignInFailure failure) => $"Refused ({failure.Reason}): {failure.Message}";

    private HttpContext? Enabled(OAuthEventContext context) => options.Value.IsEnabled ? context.HttpContext : null;

    /// <summary>The timeline of the browser behind this event, if the inspector is on and the browser has one.</summary>
    private BrowserFlow? Browser(OAuthEventContext context) =>
        Enabled(context) is { } http && browserCookie.Find(http) is { } browserId ? recorder.For(browserId) : null;

    private static FlowField Describe(ProtocolParameter parameter) => parameter.Name switch
    {
        "code" => new(parameter.Name, parameter.Display, "Single use, short-lived; worthless without the verifier (RFC 7636 §1)."),
        "state" => new(parameter.Name, parameter.Display, "Must equal the state of step 1."),
        "iss" => new(parameter.Name, parameter.Display, "Which server answered (RFC 9207 §2)."),
        "error" => new(parameter.Name, parameter.Display, "RFC 6749 §4.1.2.1."),
        _ => new(parameter.Name, parameter.Display),
    };
}
