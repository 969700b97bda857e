namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// The soak's load balancer, in the driver: a request to the public origin goes to the next client instance in turn
/// (round robin, with the public Host header, so redirect URIs and cookies stay the public origin's); when an instance
/// does not take the connection (restarting), the request goes to the next one, as nginx's <c>proxy_next_upstream</c> does.
/// Only requests that cannot have been processed are retried: any GET, and others whose connection was refused; when
/// no instance takes one, the answer is a 502, as a proxy's.
/// </summary>
public sealed class SoakLoadBalancer(Uri publicOrigin, IReadOnlyList<Uri> instances) : DelegatingHandler(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    UseCookies = false,
    ConnectTimeout = TimeSpan.FromSeconds(5),
})
{
    private readonly string _public = publicOrigin.GetLeftPart(UriPartial.Authority);
    private int _next;
    private int _retries;

    /// <summary>Requests an instance refused, sent to the next one instead.</summary>
    public int Retries => Volatile.Read(ref _retries);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(request.RequestUri!.GetLeftPart(UriPartial.Authority), _public, StringComparison.OrdinalIgnoreCase))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var body = request.Content is null ? null : await request.Content.ReadAsByteArrayAsync(cancellationToken);
        var first = (uint)Interlocked.Increment(ref _next);
        for (var attempt = 0; attempt < instances.Count * 3; attempt++)
        {
            using var forwarded = Forward(request, instances[(int)((first + (uint)attempt) % instances.Count)], body);
            try
            {
                return await base.SendAsync(forwarded, cancellationToken);
            }
            catch (HttpRequestException e) when (request.Method == HttpMethod.Get || e.HttpRequestError == HttpRequestError.ConnectionError)
            {
                Interlocked.Increment(ref _retries);
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), cancellationToken);
            }
        }

        // No instance took it: what a proxy answers then.
        return new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway) { RequestMessage = request };
    }

    private HttpRequestMessage Forward(HttpRequestMessage request, Uri instance, byte[]? body)
    {
        var forwarded = new HttpRequestMessage(request.Method, new Uri(instance, request.RequestUri!.PathAndQuery));
        foreach (var (name, values) in request.Headers)
        {
            forwarded.Headers.TryAddWithoutValidation(name, values);
        }

        forwarded.Headers.Host = new Uri(_public).Authority;
        if (body is not null)
        {
            forwarded.Content = new ByteArrayContent(body);
            foreach (var (name, values) in request.Content!.Headers)
            {
                forwarded.Content.Headers.TryAddWithoutValidation(name, values);
            }
        }

        return forwarded;
    }
}
