using System.Net;

namespace OAuthWebClient.Testing;

/// <summary>
/// A minimal browser over the in-memory network — or, given a handler, over real sockets: keeps cookies per origin and
/// path (CookieContainer), follows redirects across the client, the authorization server and the API, and submits forms.
/// </summary>
public sealed class Browser
{
    private const int MaxRedirects = 20;

    private readonly Func<HttpMessageHandler> _handler;
    private readonly bool _disposeHandler;

    public Browser(HostRouter router)
    {
        ArgumentNullException.ThrowIfNull(router);
        (_handler, _disposeHandler) = (router.CreateHandler, true);
    }

    /// <param name="handler">Sends every request (e.g. a SocketsHttpHandler with cookies off); kept for the browser's life, not disposed here.</param>
    public Browser(HttpMessageHandler handler) => (_handler, _disposeHandler) = (() => handler, false);

    public CookieContainer Cookies { get; } = new();

    /// <summary>Every URL this browser visited, in order (to check that no secret ever appears in one of ours).</summary>
    public List<Uri> History { get; } = [];

    /// <summary>True when a protected page sends this browser to sign in, i.e. the client holds no session for it.</summary>
    public async Task<bool> IsSentToSignInAsync()
    {
        var photos = await GetAsync(TestHosts.ClientOrigin + "photos", followRedirects: false);
        return photos.Status == HttpStatusCode.Redirect && photos.Location!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal);
    }

    public Task<BrowserPage> GetAsync(string url, bool followRedirects = true) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, url), followRedirects);

    public Task<BrowserPage> SubmitAsync(BrowserPage page, string marker, IDictionary<string, string>? values = null, string? button = null, bool followRedirects = true)
    {
        var form = HtmlForm.Find(page.Html, marker);
        var fields = new Dictionary<string, string>(form.Fields);
        foreach (var (key, value) in values ?? new Dictionary<string, string>())
        {
            fields[key] = value;
        }

        if (button is not null)
        {
            var (name, value) = (button.Split('=')[0], button.Split('=')[1]);
            fields[name] = value;
        }

        var action = new Uri(page.Uri, form.Action);
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) }, followRedirects);
    }

    public async Task<BrowserPage> SendAsync(HttpRequestMessage request, bool followRedirects = true)
    {
        for (var hop = 0; ; hop++)
        {
            var uri = request.RequestUri!;
            History.Add(uri);
            var cookieHeader = Cookies.GetCookieHeader(uri);
            if (cookieHeader.Length > 0)
            {
                request.Headers.Add("Cookie", cookieHeader);
            }

            using var invoker = new HttpMessageInvoker(_handler(), _disposeHandler);
            using var response = await invoker.SendAsync(request, CancellationToken.None);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var setCookie in setCookies)
                {
                    Cookies.SetCookies(uri, setCookie);
                }
            }

            var page = new BrowserPage(uri, response.StatusCode, response.Headers.Location is { } l ? new Uri(uri, l) : null,
                await response.Content.ReadAsStringAsync(), response.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase),
                response.Content.Headers.ContentType?.MediaType);
            request.Dispose();
            if (!followRedirects || page.Location is null || (int)page.Status is < 300 or >= 400)
            {
                return page;
            }

            if (hop == MaxRedirects)
            {
                throw new InvalidOperationException("Too many redirects.");
            }

            request = new HttpRequestMessage(HttpMethod.Get, page.Location);
        }
    }
}
