using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace OAuthWebClient.Benchmarks.Hosts;

/// <summary>
/// The limits: the cheapest Kestrel endpoints doing what ours does, with no work. <c>GET /account/login</c> answers
/// with the very 302 ours answered once (status and every header, replayed verbatim, given by the driver at
/// <c>POST /_bench/template</c>); <c>GET /relay/photos/{**path}</c> relays a photos API call with a fixed token
/// (given at <c>POST /_bench/token</c>): the floor of any client that keeps tokens on the server. <c>/relay/photos</c>
/// relays the API's list (what ours' gallery page calls), a thumbnail path a thumbnail.
/// </summary>
internal static class BareHost
{
    public static async Task RunAsync(IConfiguration configuration)
    {
        var url = configuration["Bench:Url"] ?? throw new InvalidOperationException("Bench:Url is required.");
        var api = new Uri(configuration["Bench:PhotosApiUrl"]?.TrimEnd('/') + "/");
        var builder = ServerRoles.Configure(WebApplication.CreateSlimBuilder(), url, []);
        builder.Services.AddHttpClient("api", client => client.BaseAddress = api);
        var app = builder.Build();

        KeyValuePair<string, StringValues>[] template = [];
        AuthenticationHeaderValue? bearer = null;

        app.MapGet("/account/login", (HttpContext context) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            foreach (var (name, value) in template)
            {
                context.Response.Headers[name] = value;
            }

            return Task.CompletedTask;
        });
        app.MapGet("/relay/photos/{**path}", async (string? path, HttpContext context, IHttpClientFactory clients) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(string.IsNullOrEmpty(path) ? "photos" : "photos/" + path, UriKind.Relative));
            request.Headers.Authorization = bearer;
            using var response = await clients.CreateClient("api").SendAsync(request, context.RequestAborted);
            var body = await response.Content.ReadAsByteArrayAsync(context.RequestAborted);
            context.Response.StatusCode = (int)response.StatusCode;
            context.Response.ContentType = response.Content.Headers.ContentType?.ToString();
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });
        app.MapPost("/_bench/template", async (HttpContext context) =>
        {
            var headers = await JsonSerializer.DeserializeAsync<Dictionary<string, string[]>>(context.Request.Body, cancellationToken: context.RequestAborted) ?? [];
            template = [.. headers.Select(h => KeyValuePair.Create(h.Key, new StringValues(h.Value)))];
            return Results.NoContent();
        });
        app.MapPost("/_bench/token", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            bearer = new AuthenticationHeaderValue("Bearer", await reader.ReadToEndAsync(context.RequestAborted));
            return Results.NoContent();
        });
        await app.RunAsync();
    }
}
