using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.WebUtilities;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>
/// The clients' back-channel logout URIs, as the sandbox reaches them: the primary handler of its back-channel logout
/// HttpClient records every POST (address and <c>logout_token</c>) and answers with <see cref="Status"/>, or throws
/// (<see cref="Unreachable"/>).
/// </summary>
public sealed class LogoutTokenReceiver
{
    public ConcurrentQueue<(Uri Uri, string? LogoutToken)> Received { get; } = new();

    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;

    public bool Unreachable { get; set; }

    public HttpMessageHandler CreateHandler() => new Handler(this);

    private sealed class Handler(LogoutTokenReceiver receiver) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
            receiver.Received.Enqueue((request.RequestUri!, form.TryGetValue("logout_token", out var token) ? token.ToString() : null));
            return receiver.Unreachable
                ? throw new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused.")
                : new HttpResponseMessage(receiver.Status);
        }
    }
}
