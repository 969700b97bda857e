using System.Diagnostics;
using OpenTelemetry.Metrics;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>The spans and metrics the issue lists exist, with the attributes the events told.</summary>
[Collection(TelemetryCollection.Name)]
public sealed class TelemetryOfAWholeFlow(TelemetryFlow flow)
{
    private const string Provider = "default";

    [Fact]
    public void Login_and_callback_spans_carry_provider_outcome_and_reason_under_the_request_span()
    {
        var logins = flow.Capture.Named("oauth.login");
        Assert.Equal(2, logins.Count); // alice's, and the one whose code the forged callback carries
        Assert.All(logins, login => Assert.Equal((Provider, flow.Pushed), (login.GetTagItem("oauth.provider"), login.GetTagItem("oauth.pushed"))));
        Assert.Equal(flow.Pushed, flow.Capture.Named("oauth.pushed_authorization").Any(s => s.GetTagItem("http.response.status_code") is 201));

        var callbacks = flow.Capture.Named("oauth.callback");
        var accepted = Assert.Single(callbacks, s => (string?)s.GetTagItem("oauth.outcome") == "accepted");
        Assert.Equal(ActivityStatusCode.Unset, accepted.Status);
        var rejected = Assert.Single(callbacks, s => (string?)s.GetTagItem("oauth.outcome") == "rejected");
        Assert.Equal("TransactionMissing", rejected.GetTagItem("oauth.failure_reason"));
        Assert.Equal("state", rejected.GetTagItem("oauth.callback.failed_check"));
        Assert.Equal((ActivityStatusCode.Error, "TransactionMissing"), (rejected.Status, rejected.StatusDescription));

        // The parent is ASP.NET Core's span of the callback request.
        var request = Assert.Single(flow.Capture.Spans, s => s.SpanId == rejected.ParentSpanId);
        Assert.Equal(("Microsoft.AspNetCore", "/callback"), (request.Source.Name, request.GetTagItem("url.path")));

        Assert.Contains(flow.Capture.Named("oauth.sign_in"), s => (string?)s.GetTagItem("oauth.outcome") == "success");
        Assert.Contains(flow.Capture.Named("oauth.sign_in"), s => (string?)s.GetTagItem("oauth.failure_reason") == "TransactionMissing" && s.Status == ActivityStatusCode.Error);
    }

    [Fact]
    public void Token_refresh_revocation_and_api_spans_carry_grant_type_status_rotation_and_retry()
    {
        var tokenRequests = flow.Capture.Named("oauth.token_request");
        var code = Assert.Single(tokenRequests, s => (string?)s.GetTagItem("oauth.grant_type") == "authorization_code");
        Assert.Equal((200, "success", Provider), (code.GetTagItem("http.response.status_code"), code.GetTagItem("oauth.outcome"), code.GetTagItem("oauth.provider")));
        Assert.Contains(tokenRequests, s => (string?)s.GetTagItem("oauth.grant_type") == "refresh_token" && s.GetTagItem("http.response.status_code") is 200);

        // Access tokens live 30 s, less than the refresh margin: each photos API call refreshes first.
        var refreshes = flow.Capture.Named("oauth.refresh");
        Assert.NotEmpty(refreshes);
        Assert.All(refreshes, r => Assert.Equal(("success", true, false), (r.GetTagItem("oauth.outcome"), r.GetTagItem("oauth.rotated"), r.GetTagItem("oauth.lease_waited"))));

        var apiCalls = flow.Capture.Named("oauth.api_call");
        Assert.NotEmpty(apiCalls);
        Assert.All(apiCalls, call => Assert.Equal((200, false, "127.0.0.1"), (call.GetTagItem("http.response.status_code"), call.GetTagItem("oauth.retried"), call.GetTagItem("server.address"))));

        var revocations = flow.Capture.Named("oauth.revocation");
        Assert.Equal(2, revocations.Count); // refresh token first, then the access token (RFC 7009 §2.1)
        Assert.All(revocations, r => Assert.Equal((200, "success"), (r.GetTagItem("http.response.status_code"), r.GetTagItem("oauth.outcome"))));
    }

    [Fact]
    public void Metrics_count_sign_ins_rejections_and_refreshes_and_time_the_token_endpoint()
    {
        Assert.Contains(flow.Capture.Points("oauth.client.sign_ins"), p => Tagged(p.Tags, ("oauth.provider", Provider), ("oauth.outcome", "success")) && p.Point.GetSumLong() >= 1);
        Assert.Contains(flow.Capture.Points("oauth.client.sign_ins"), p => Tagged(p.Tags, ("oauth.outcome", "failure"), ("oauth.failure_reason", "TransactionMissing")));
        Assert.Contains(flow.Capture.Points("oauth.client.callback.rejections"), p => Tagged(p.Tags, ("oauth.provider", Provider), ("oauth.failure_reason", "TransactionMissing")));
        Assert.Contains(flow.Capture.Points("oauth.client.refreshes"), p => Tagged(p.Tags, ("oauth.outcome", "success")) && p.Point.GetSumLong() >= 1);

        var durations = flow.Capture.Points("oauth.client.token_endpoint.duration");
        Assert.Contains(durations, p => Tagged(p.Tags, ("oauth.grant_type", "authorization_code"), ("oauth.outcome", "success")) && p.Point.GetHistogramCount() >= 1);
        Assert.Contains(durations, p => Tagged(p.Tags, ("oauth.grant_type", "refresh_token")) && p.Point.GetHistogramCount() >= 1);
        var histogram = flow.Capture.Metrics.First(m => m.Name == "oauth.client.token_endpoint.duration");
        Assert.Equal(("s", MetricType.Histogram), (histogram.Unit, histogram.MetricType));
    }

    private static bool Tagged(Dictionary<string, object?> tags, params (string Key, string Value)[] expected) =>
        expected.All(e => tags.TryGetValue(e.Key, out var value) && (string?)value == e.Value);
}
