using System.Diagnostics;
using OAuthWebClient.Client.Events;
using static OAuthWebClient.Client.Telemetry.TelemetryNames;

namespace OAuthWebClient.Client.Telemetry;

/// <summary>
/// Spans and metrics from the client's events, as they were told: each span is recorded at the event that ends its step,
/// with the real start (<c>At - Latency</c>) where the event knows it, under the current request's span. Only fixed
/// names, configured provider names, enum names, status codes and flags are recorded — never a parameter's value, a
/// URL's path or query, a session key or a server's error text (it can quote values).
/// </summary>
internal sealed class TelemetryEvents(TelemetryInstruments instruments) : OAuthClientEvents
{
    private static readonly object True = true;
    private static readonly object False = false;

    private static ActivitySource Source => TelemetryInstruments.Source;

    public override Task AuthorizationRequestBuilt(AuthorizationRequestContext context)
    {
        using var span = Source.StartActivity(LoginSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At);
        span?.SetTag(Provider, context.Provider).SetTag(Pushed, Flag(context.PushedParameters is not null));
        return Task.CompletedTask;
    }

    public override Task CallbackReceived(CallbackReceivedContext context)
    {
        if (context.Failure is { } failure)
        {
            instruments.CallbackRejections.Add(1, new(Provider, context.Provider), new(FailureReason, failure.Reason.ToString()));
        }

        using var span = Source.StartActivity(CallbackSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At);
        if (span is not null)
        {
            span.SetTag(Provider, context.Provider).SetTag(Outcome, context.Failure is null ? Accepted : Rejected);
            if (context.Failure is { } refused)
            {
                // The check's stable name (state, single-use, iss…), never its explanation.
                span.SetTag(FailureReason, refused.Reason.ToString()).SetTag(FailedCheck, LastFailedCheck(context.Checks));
                span.SetStatus(ActivityStatusCode.Error, refused.Reason.ToString());
            }
        }

        return Task.CompletedTask;
    }

    public override Task TokenResponseReceived(TokenResponseContext context)
    {
        var failure = context.Failure?.ToString();
        if (context.Kind is TokenRequestKind.AuthorizationCode or TokenRequestKind.RefreshToken)
        {
            instruments.TokenEndpointDuration.Record(context.Latency.TotalSeconds,
                new(Provider, context.Provider), new(GrantType, GrantTypeOf(context.Kind)), new(Outcome, failure ?? Success));
        }

        var name = context.Kind switch
        {
            TokenRequestKind.Revocation => RevocationSpan,
            TokenRequestKind.PushedAuthorization => PushedAuthorizationSpan,
            _ => TokenRequestSpan,
        };
        using var span = Source.StartActivity(name, ActivityKind.Internal, default(ActivityContext), startTime: context.At - context.Latency);
        if (span is not null)
        {
            span.SetTag(Provider, context.Provider).SetTag(Outcome, failure is null ? Success : Failure);
            if (context.Kind is TokenRequestKind.AuthorizationCode or TokenRequestKind.RefreshToken)
            {
                span.SetTag(GrantType, GrantTypeOf(context.Kind));
            }

            Fail(span.SetTag(StatusCode, context.StatusCode), failure);
            span.SetEndTime(context.At.UtcDateTime);
        }

        return Task.CompletedTask;
    }

    public override Task SignedIn(SignedInContext context)
    {
        instruments.SignIns.Add(1, new(Provider, context.Provider), new(Outcome, Success));
        using var span = Source.StartActivity(SignInSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At);
        span?.SetTag(Provider, context.Provider).SetTag(Outcome, Success);
        return Task.CompletedTask;
    }

    public override Task SignInFailed(SignInFailedContext context)
    {
        var reason = context.Failure.Reason.ToString();
        instruments.SignIns.Add(1, new(Provider, context.Provider), new(Outcome, Failure), new(FailureReason, reason));
        using var span = Source.StartActivity(SignInSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At);
        Fail(span?.SetTag(Provider, context.Provider).SetTag(Outcome, Failure), reason);
        return Task.CompletedTask;
    }

    public override Task TokenRefreshed(TokenRefreshedContext context)
    {
        instruments.Refreshes.Add(1, new KeyValuePair<string, object?>(Outcome, Success));
        using var span = Source.StartActivity(RefreshSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At);
        span?.SetTag(Outcome, Success).SetTag(Rotated, Flag(context.Rotated)).SetTag(LeaseWaited, Flag(context.LeaseWaited));
        return Task.CompletedTask;
    }

    public override Task RefreshFailed(RefreshFailedContext context)
    {
        // Null: the old access token is still valid and stays in use.
        var outcome = context.Outcome?.ToString() ?? Kept;
        var reason = context.Failure.ToString();
        instruments.Refreshes.Add(1, new(Outcome, outcome), new(FailureReason, reason));
        using var span = Source.StartActivity(RefreshSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At);
        Fail(span?.SetTag(Outcome, outcome), reason);
        return Task.CompletedTask;
    }

    public override Task RefreshLeaseWaited(RefreshLeaseWaitedContext context)
    {
        instruments.RefreshLeaseWaits.Add(1, new KeyValuePair<string, object?>(PeerRefreshed, Flag(context.PeerRefreshed)));
        using var span = Source.StartActivity(RefreshLeaseWaitSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At - context.Waited);
        span?.SetTag(PeerRefreshed, Flag(context.PeerRefreshed)).SetEndTime(context.At.UtcDateTime);
        return Task.CompletedTask;
    }

    public override Task ApiCallCompleted(ApiCallContext context)
    {
        using var span = Source.StartActivity(ApiCallSpan, ActivityKind.Internal, default(ActivityContext), startTime: context.At - context.Latency);
        if (span is not null)
        {
            // The origin only: a resource's path can name things, and its query can carry anything.
            span.SetTag(Method, context.Method).SetTag(ServerAddress, context.Url.Host).SetTag(ServerPort, context.Url.Port)
                .SetTag(StatusCode, context.StatusCode).SetTag(Retried, Flag(context.IsRetry));
            if (context.StatusCode is null or >= 400)
            {
                span.SetStatus(ActivityStatusCode.Error, context.StatusCode is null ? "NoAnswer" : null);
            }

            span.SetEndTime(context.At.UtcDateTime);
        }

        return Task.CompletedTask;
    }

    private static void Fail(Activity? span, string? reason)
    {
        if (span is not null && reason is not null)
        {
            span.SetTag(FailureReason, reason).SetStatus(ActivityStatusCode.Error, reason);
        }
    }

    private static string? LastFailedCheck(IReadOnlyList<CallbackCheck> checks)
    {
        for (var i = checks.Count - 1; i >= 0; i--)
        {
            if (checks[i].Verdict == CheckVerdict.Failed)
            {
                return checks[i].Name;
            }
        }

        return null;
    }

    private static string GrantTypeOf(TokenRequestKind kind) => kind == TokenRequestKind.AuthorizationCode ? "authorization_code" : "refresh_token";

    private static object Flag(bool value) => value ? True : False;
}
