using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>Added to the client's token endpoint HttpClient: copies forms and token responses into <see cref="TokenTraffic"/>.</summary>
internal sealed class TokenTrafficHandler(TokenTraffic traffic) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            var form = QueryHelpers.ParseQuery(await request.Content.ReadAsStringAsync(cancellationToken));
            traffic.AddRequest(form.ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal));
        }

        if (request.Headers.Authorization is { Scheme: "Basic", Parameter: { } basic })
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(basic));
            traffic.AddClientSecret(Uri.UnescapeDataString(credentials[(credentials.IndexOf(':', StringComparison.Ordinal) + 1)..].Replace('+', ' ')));
            traffic.AddClientSecret(basic);
        }

        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            using var json = JsonDocument.Parse(body);
            foreach (var name in (string[])["access_token", "refresh_token", "id_token"])
            {
                if (json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty(name, out var token) && token.ValueKind == JsonValueKind.String)
                {
                    if (name == "id_token")
                    {
                        traffic.AddIdToken(token.GetString());
                    }
                    else
                    {
                        traffic.AddToken(token.GetString());
                    }
                }
            }
        }
        catch (JsonException)
        {
            // A revocation answer has no body.
        }

        return response;
    }
}
