using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using OAuthWebClient.Login;
using OAuthWebClient.Tokens;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// A <see cref="DelegatingHandler"/> on <see cref="TokenEndpointClient"/>'s HttpClient: sees each form it sends
/// (code redemption, refresh, revocation) and each answer, and records redacted copies for this browser — steps 3
/// and 4, and the refreshes of step 5. The request and the answer pass through unchanged.
/// </summary>
public sealed class TokenEndpointRecorder(
    IHttpContextAccessor httpContextAccessor,
    FlowRecorder recorder,
    FlowBrowserCookie browserCookie,
    IOptions<FlowInspectorOptions> options,
    TimeProvider timeProvider,
    ILogger<TokenEndpointRecorder> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var http = httpContextAccessor.HttpContext;
        if (!options.Value.IsEnabled || http is null || browserCookie.Find(http) is not { } browserId || request.Content is null)
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var form = QueryHelpers.ParseQuery(await request.Content.ReadAsStringAsync(cancellationToken));
        var sent = recorder.Now;
        var started = timeProvider.GetTimestamp();
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            Record(http, browserId, request, form, sent, status: null, timeProvider.GetElapsedTime(started), body: null, failure: e.GetType().Name);
            throw;
        }

        var latency = timeProvider.GetElapsedTime(started);
        var body = await ResponseBody.BufferAsync(response, TokenResponseParser.MaxBodyBytes, cancellationToken);
        Record(http, browserId, request, form, sent, (int)response.StatusCode, latency, body, failure: null);
        return response;
    }

    private void Record(HttpContext http, string browserId, HttpRequestMessage request, Dictionary<string, StringValues> form, DateTimeOffset sent, int? status, TimeSpan latency, byte[]? body, string? failure)
    {
        try
        {
            var grantType = form.GetValueOrDefault("grant_type").ToString();
            var endpoint = request.RequestUri?.GetLeftPart(UriPartial.Path) ?? "";
            var flow = recorder.For(browserId);
            using var json = ParseObject(body);
            var answer = json?.RootElement;
            if (grantType == "authorization_code")
            {
                var tokenRequest = new TokenRequestStep
                {
                    At = sent,
                    Endpoint = endpoint,
                    Form = [.. form.Select(f => DescribeForm(f.Key, f.Value.ToString()))],
                    ClientAuthentication = ClientAuthentication(request.Headers.Authorization, form),
                    ComputedChallenge = form.TryGetValue("code_verifier", out var verifier) && !StringValues.IsNullOrEmpty(verifier) ? Pkce.ComputeChallenge(verifier!) : null,
                };
                var tokenResponse = TokenResponse(status, latency, answer, failure);
                var state = http.Request.Query["state"].ToString();
                flow.Update(FlowRedaction.Fingerprint(state), recorder.Now, s => s with { TokenRequest = tokenRequest, TokenResponse = tokenResponse });
            }
            else if (grantType == "refresh_token")
            {
                flow.Add(Refresh(form, request.RequestUri?.AbsolutePath, sent, status, latency, answer, failure));
            }
            else if (form.ContainsKey("token"))
            {
                flow.Add(new FlowActivity
                {
                    At = sent,
                    Kind = FlowActivityKind.Revocation,
                    Request = $"POST {request.RequestUri?.AbsolutePath} (revoke {form.GetValueOrDefault("token_type_hint")})",
                    Status = status,
                    Latency = latency,
                    Details = [.. form.Select(f => DescribeForm(f.Key, f.Value.ToString()))],
                });
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Log.RecordingFailed(logger, "token endpoint call", e.GetType().Name);
        }
    }

    private static FlowActivity Refresh(Dictionary<string, StringValues> form, string? path, DateTimeOffset sent, int? status, TimeSpan latency, JsonElement? answer, string? failure)
    {
        var response = TokenResponse(status, latency, answer, failure);
        var oldToken = form.GetValueOrDefault("refresh_token").ToString();
        var newToken = answer is { } a && a.TryGetProperty("refresh_token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        var rotation = response.Failure is not null ? "No new tokens: " + response.Failure
            : newToken is null ? "Refresh token kept (the server sent no new one); new access token."
            : newToken == oldToken ? "Same refresh token returned; new access token."
            : "Rotated: a new refresh token replaced the used one (RFC 9700 §4.14.2), and a new access token.";
        return new FlowActivity
        {
            At = sent,
            Kind = FlowActivityKind.Refresh,
            Request = $"POST {path} (grant_type=refresh_token)",
            Status = status,
            Latency = latency,
            Rotation = rotation,
            Details = [.. form.Select(f => DescribeForm(f.Key, f.Value.ToString())), .. response.Fields],
        };
    }

    private static TokenResponseStep TokenResponse(int? status, TimeSpan latency, JsonElement? answer, string? failure)
    {
        if (answer is not { } json)
        {
            return new TokenResponseStep { Status = status ?? 0, Latency = latency, Fields = [], Failure = failure is null ? "The answer is not a JSON object." : $"No answer ({failure})." };
        }

        var fields = json.EnumerateObject().Select(DescribeAnswer).ToList();
        return new TokenResponseStep
        {
            Status = status ?? 0,
            Latency = latency,
            Fields = fields,
            IdToken = StringMember(json, "id_token") is { } idToken ? JwtInspection.Decode(idToken) : null,
            AccessToken = StringMember(json, "access_token") is { } accessToken ? JwtInspection.Decode(accessToken) : null,
            Failure = StringMember(json, "error") is { } error ? $"The server refused: {error}." : null,
        };
    }

    private static FlowField DescribeAnswer(JsonProperty member)
    {
        var text = member.Value.ValueKind == JsonValueKind.String ? member.Value.GetString()! : member.Value.GetRawText();
        return member.Name switch
        {
            "access_token" => new(member.Name, FlowRedaction.Prefix(text), "Sent to the photos API as a bearer token; stays on the server (RFC 9700 §4.14)."),
            "refresh_token" => new(member.Name, FlowRedaction.Prefix(text), "Gets new access tokens without the user (RFC 6749 §6); stays on the server."),
            "id_token" => new(member.Name, FlowRedaction.Prefix(text), "Who signed in; validated before use (OIDC Core §3.1.3.7)."),
            "expires_in" => new(member.Name, text, "Seconds until the access token expires; the client refreshes before that."),
            "scope" => new(member.Name, text, "What was granted, which can be less than asked (RFC 6749 §3.3)."),
            "token_type" => new(member.Name, text, "Bearer (RFC 6750)."),
            // Anything else a server adds: shown only if it cannot be a credential.
            _ => new(member.Name, text.Length > 64 || text.Count(c => c == '.') >= 2 ? FlowRedaction.Prefix(text) : text),
        };
    }

    private static FlowField DescribeForm(string name, string value) => name switch
    {
        "code" => new(name, FlowRedaction.Prefix(value, 6), "The code from step 2, redeemed once."),
        "code_verifier" => new(name, FlowRedaction.Prefix(value, 4), "Proves this is the client that sent the challenge (RFC 7636 §4.5)."),
        "client_secret" => new(name, FlowRedaction.Hidden(value), "client_secret_post (RFC 6749 §2.3.1)."),
        "refresh_token" => new(name, FlowRedaction.Prefix(value), "RFC 6749 §6."),
        "token" => new(name, FlowRedaction.Prefix(value), "The token to revoke (RFC 7009 §2.1)."),
        "redirect_uri" => new(name, value, "Must repeat the redirect_uri of step 1 (RFC 6749 §4.1.3)."),
        _ => new(name, value),
    };

    private static FlowField ClientAuthentication(AuthenticationHeaderValue? authorization, Dictionary<string, StringValues> form)
    {
        if (authorization is { Scheme: "Basic", Parameter: { } credentials })
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(credentials));
            var clientId = Uri.UnescapeDataString(decoded[..Math.Max(0, decoded.IndexOf(':', StringComparison.Ordinal))].Replace('+', ' '));
            return new FlowField("client_secret_basic", $"Authorization: Basic {FlowRedaction.Hidden(credentials)}",
                $"HTTP Basic with client_id \"{clientId}\" and the client secret, each form-url-encoded first (RFC 6749 §2.3.1).");
        }

        return form.ContainsKey("client_secret")
            ? new FlowField("client_secret_post", "client_id and client_secret in the form", "RFC 6749 §2.3.1; Basic is preferred.")
            : new FlowField("none", "client_id only", "A public client: PKCE alone protects the code (RFC 7636).");
    }

    private static string? StringMember(JsonElement json, string name) =>
        json.TryGetProperty(name, out var member) && member.ValueKind == JsonValueKind.String ? member.GetString() : null;

    private static JsonDocument? ParseObject(byte[]? body)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
            // Not JSON: shown as such.
        }

        return null;
    }
}
