using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using OAuthWebClient.Testing;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// What reached a standalone server, seen from inside it before any of its own middleware: method, URL, the
/// <c>Authorization</c> and <c>DPoP</c> headers, and form bodies (left readable for the server). Added to a server's
/// services as an <see cref="IStartupFilter"/>.
/// </summary>
public sealed class ServerRequests : IStartupFilter
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    /// <summary>Every request, in the order they arrived.</summary>
    public IReadOnlyList<RecordedRequest> All => [.. _requests];

    /// <summary>The requests to <paramref name="path"/> (e.g. <c>/connect/token</c>).</summary>
    public IReadOnlyList<RecordedRequest> To(string path) => [.. _requests.Where(r => r.Path == path)];

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            await RecordAsync(context.Request, context.RequestAborted);
            await nextMiddleware(context);
        });
        next(app);
    };

    private async Task RecordAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        string? body = null;
        if (request.HasFormContentType)
        {
            request.EnableBuffering();
            using var reader = new StreamReader(request.Body, leaveOpen: true);
            body = await reader.ReadToEndAsync(cancellationToken);
            request.Body.Position = 0;
        }

        var authorization = request.Headers.Authorization;
        var proof = request.Headers["DPoP"];
        _requests.Enqueue(new RecordedRequest(request.Method, new Uri(request.GetEncodedUrl()), authorization.Count == 0 ? null : authorization.ToString(), body)
        {
            DPoP = proof.Count == 0 ? null : proof.ToString(),
        });
    }
}
