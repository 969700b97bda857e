namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// No code, state, nonce, challenge, verifier, token, secret, session id or callback query reaches a span or a metric,
/// whichever source recorded it: the library, or ASP.NET Core — the sandbox's requests too. (In memory, the back-channel
/// has no HttpClient spans: <see cref="HttpClientSpans"/> covers those over real sockets.)
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class NoSecretsInTelemetry(TelemetryFlow flow)
{
    [Fact]
    public void The_whole_flow_exports_no_secret_anywhere()
    {
        foreach (var kind in (string[])["code", "state", "code_verifier", "access_token", "refresh_token", "id_token", "client secret", "session id", "callback query"])
        {
            Assert.Contains(flow.Secrets, s => s.Kind == kind);
        }

        // The capture saw the requests that carried them: the callback's, and the sandbox's authorization request.
        Assert.Contains(flow.Capture.Spans, s => s.Source.Name == "Microsoft.AspNetCore" && (string?)s.GetTagItem("url.path") == "/callback");
        Assert.Contains(flow.Capture.Spans, s => s.Source.Name == "Microsoft.AspNetCore" && (string?)s.GetTagItem("url.path") == "/connect/authorize");

        var texts = flow.Capture.AllText().ToList();
        var leaks = (from text in texts
                     from secret in flow.Secrets
                     where text.Text.Contains(secret.Value, StringComparison.Ordinal)
                     select $"{secret.Kind} in {text.Where}: {text.Text[..Math.Min(text.Text.Length, 120)]}").Distinct().ToList();
        Assert.True(leaks.Count == 0, $"{leaks.Count} secret(s) reached the telemetry:\n" + string.Join('\n', leaks.Take(20)));
    }

    [Fact]
    public void No_span_has_a_url_query()
    {
        var withQuery = flow.Capture.Spans
            .Where(s => s.GetTagItem("url.query") is not null || s.GetTagItem("url.full") is string url && url.Contains('?', StringComparison.Ordinal) || s.DisplayName.Contains('?', StringComparison.Ordinal))
            .Select(s => $"{s.Source.Name} {s.DisplayName}: url.query={s.GetTagItem("url.query")} url.full={s.GetTagItem("url.full")}")
            .ToList();
        Assert.True(withQuery.Count == 0, "Spans with a query:\n" + string.Join('\n', withQuery.Take(20)));
    }
}
