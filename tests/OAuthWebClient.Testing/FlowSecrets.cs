using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace OAuthWebClient.Testing;

/// <summary>
/// Every secret a flow through <see cref="TestHosts"/> really used, for leak checks: the code, state and nonce the
/// browser carried, the callback's whole query, the pushed request's state, nonce and challenge, the verifier, every
/// token issued (from the recorded back-channel answers), Authorization header values and the client secret.
/// Values shorter than 8 characters are left out (they would match by chance).
/// </summary>
public static class FlowSecrets
{
    public static List<(string Kind, string Value)> Collect(TestHosts hosts, Browser browser, ConcurrentQueue<string> backchannelResponses)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(browser);
        ArgumentNullException.ThrowIfNull(backchannelResponses);
        var secrets = new List<(string Kind, string Value)> { ("client secret", TestHosts.ClientSecret) };
        foreach (var uri in browser.History.Where(u => u.AbsolutePath is "/callback" or "/connect/authorize"))
        {
            if (uri.AbsolutePath == "/callback" && uri.Query.Length > 1)
            {
                secrets.Add(("callback query", uri.Query[1..]));
            }

            foreach (var (name, values) in QueryHelpers.ParseQuery(uri.Query))
            {
                if (name is "code" or "state" or "nonce" or "code_challenge")
                {
                    secrets.AddRange(values.Select(v => (name, v!)));
                }
            }
        }

        foreach (var request in hosts.Router.Requests)
        {
            if (request.Authorization is { } authorization)
            {
                var (scheme, value) = (authorization.Split(' ')[0], authorization[(authorization.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
                secrets.Add(($"{scheme} credentials", value));
                if (scheme == "Bearer")
                {
                    secrets.Add(("Bearer token", value));
                }
                else if (scheme == "Basic")
                {
                    secrets.Add(("Basic credentials", value));
                }
            }

            foreach (var (name, values) in QueryHelpers.ParseQuery(request.Body ?? ""))
            {
                if (name is "code" or "code_verifier" or "refresh_token" or "token" or "client_secret" or "logout_token" or "state" or "nonce" or "code_challenge")
                {
                    secrets.AddRange(values.Select(v => (name, v!)));
                }
            }
        }

        foreach (var body in backchannelResponses)
        {
            AddTokens(secrets, body);
        }

        return secrets.Where(s => s.Value.Length >= 8).Distinct().ToList();
    }

    private static void AddTokens(List<(string Kind, string Value)> secrets, string body)
    {
        if (!body.TrimStart().StartsWith('{'))
        {
            return;
        }

        using var json = JsonDocument.Parse(body);
        foreach (var name in (string[])["access_token", "refresh_token", "id_token"])
        {
            if (json.RootElement.TryGetProperty(name, out var token) && token.ValueKind == JsonValueKind.String)
            {
                var value = token.GetString()!;
                secrets.Add((name, value));
                if (name == "id_token")
                {
                    // A JWT's signature alone still identifies the token.
                    secrets.Add(("id_token signature", value[(value.LastIndexOf('.') + 1)..]));
                }
            }
        }
    }
}
