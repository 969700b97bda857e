using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OAuthWebClient.Testing;

/// <summary>
/// Real sockets for a scripted peer: Kestrel on free 127.0.0.1 ports, each request handed to <see cref="Handler"/>
/// as an <see cref="HttpRequestMessage"/> and its answer streamed back as produced (a trickling body trickles).
/// For what only the real HTTP stack does — redirects, timeouts over a slow body — which in-memory handlers replace.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackServer(WebApplication app, IReadOnlyList<Uri> origins)
    {
        _app = app;
        Origins = origins;
    }

    /// <summary>One origin per port, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public IReadOnlyList<Uri> Origins { get; }

    /// <summary>Answers every request; until set, 503.</summary>
    public HttpMessageHandler? Handler { get; set; }

    public static async Task<LoopbackServer> StartAsync(int ports = 1)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel =>
        {
            for (var i = 0; i < ports; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
        });
        var app = builder.Build();
        LoopbackServer? server = null;
        app.Run(context => server!.AnswerAsync(context));
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server = new LoopbackServer(app, [.. addresses.Select(a => new Uri(a.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal)))]);
        return server;
    }

    private async Task AnswerAsync(HttpContext context)
    {
        if (Handler is not { } handler)
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }

        using var request = await ToMessageAsync(context.Request);
        using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
        using var response = await invoker.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[name] = values.ToArray();
            }
        }

        // Headers go out at once; the body follows as the content produces it.
        await context.Response.StartAsync(context.RequestAborted);
        try
        {
            await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client gave up (a timeout under test): nothing more to send.
        }
    }

    private static async Task<HttpRequestMessage> ToMessageAsync(HttpRequest request)
    {
        var message = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(request.GetEncodedUrl()));
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
        if (body.Length > 0 || request.ContentType is not null)
        {
            message.Content = new ByteArrayContent(body.ToArray());
        }

        foreach (var (name, values) in request.Headers)
        {
            if (!message.Headers.TryAddWithoutValidation(name, values.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(name, values.ToArray());
            }
        }

        return message;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
