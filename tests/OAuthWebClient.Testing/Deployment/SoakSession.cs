using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// One browser of the soak over real sockets: signs in through the sandbox's login and consent pages (redirects followed
/// by hand across the client's and the sandbox's origins), then browses in <see cref="SoakOptions.Tabs"/> tabs at once
/// until the deadline — each gallery followed by its thumbnails, loaded together — recording every status and latency.
/// Sent to sign in while signed in = a lost session: counted, then signed in again.
/// </summary>
internal sealed partial class SoakSession(int index, string user, SoakOptions options) : IDisposable
{
    private readonly HttpMessageHandler _front = options.Front?.Invoke() ?? new SoakLoadBalancer(options.PublicOrigin, options.Instances);
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _signingIn = new(1, 1);
    private readonly Dictionary<int, int> _statuses = [];
    private readonly List<string> _serverErrors = [];
    private readonly List<TimeSpan> _latencies = [];
    private Browser? _browser;
    private int _lost;

    /// <summary>The session's browser (its cookie jar) for its whole life, over its own connections; used to sign in.</summary>
    private Browser Browser => _browser ??= new Browser(_front);

    public async Task SignInAsync()
    {
        var page = await Browser.GetAsync(new Uri(options.PublicOrigin, "account/login?returnUrl=%2Fphotos").AbsoluteUri);
        // Signing in again, the sandbox still knows the browser: straight to the consent page.
        var consent = page.Html.Contains("Username", StringComparison.Ordinal)
            ? await Browser.SubmitAsync(page, "Sign in", new Dictionary<string, string> { ["Username"] = user, ["Password"] = user })
            : page;
        Expect(consent, "Allow", "the sandbox's login or consent page");
        var gallery = await Browser.SubmitAsync(consent, "Allow", button: "decision=allow");
        Record(gallery.Status, "/callback → /photos", null);
        Expect(gallery, "<img", "the gallery");
    }

    public async Task<SoakSessionResult> BrowseAsync(DateTime until)
    {
        await Task.WhenAll(Enumerable.Range(0, options.Tabs).Select(tab => BrowseTabAsync(tab, until)));
        var (end, _, _) = await GetAsync("/" + options.Pages[0]);
        return new SoakSessionResult(index, user, _statuses.Values.Sum(), _statuses, _serverErrors, _lost,
            end == HttpStatusCode.OK, _latencies, (_front as SoakLoadBalancer)?.Retries ?? 0);
    }

    public void Dispose()
    {
        _front.Dispose();
        _signingIn.Dispose();
    }

    private async Task BrowseTabAsync(int tab, DateTime until)
    {
        for (var i = tab; DateTime.UtcNow < until; i++)
        {
            var path = "/" + options.Pages[i % options.Pages.Count];
            var started = Stopwatch.GetTimestamp();
            var (status, location, html) = await GetAsync(path);
            Record(status, path, Stopwatch.GetElapsedTime(started));
            if (status == HttpStatusCode.Redirect && location?.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal) == true)
            {
                await _signingIn.WaitAsync();
                try
                {
                    Interlocked.Increment(ref _lost);
                    await SignInAsync();
                }
                finally
                {
                    _signingIn.Release();
                }
            }
            else if (status == HttpStatusCode.OK)
            {
                // As a browser loads a page's images: together, so they reach both instances at once.
                await Task.WhenAll(ImageRegex().Matches(html).Select(m => m.Groups[1].Value).Distinct().Select(async image =>
                {
                    var began = Stopwatch.GetTimestamp();
                    var (imageStatus, _, _) = await GetAsync(WebUtility.HtmlDecode(image));
                    Record(imageStatus, "/photos/{id}/thumbnail", Stopwatch.GetElapsedTime(began));
                }));
            }

            await Task.Delay(options.Pause);
        }
    }

    /// <summary>One GET to the public origin with this browser's cookies, taking the cookies it sets; safe from several tabs.</summary>
    private async Task<(HttpStatusCode Status, Uri? Location, string Html)> GetAsync(string path)
    {
        var uri = new Uri(options.PublicOrigin, path);
        using var request = new HttpRequestMessage(HttpMethod.Get, uri);
        if (Browser.Cookies.GetCookieHeader(uri) is { Length: > 0 } cookies)
        {
            request.Headers.Add("Cookie", cookies);
        }

        using var invoker = new HttpMessageInvoker(_front, disposeHandler: false);
        using var response = await invoker.SendAsync(request, CancellationToken.None);
        foreach (var setCookie in response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [])
        {
            Browser.Cookies.SetCookies(uri, setCookie);
        }

        var html = response.Content.Headers.ContentType?.MediaType == "text/html" ? await response.Content.ReadAsStringAsync() : "";
        await response.Content.LoadIntoBufferAsync();
        return (response.StatusCode, response.Headers.Location is { } l ? new Uri(uri, l) : null, html);
    }

    private void Record(HttpStatusCode status, string path, TimeSpan? latency)
    {
        lock (_lock)
        {
            _statuses[(int)status] = _statuses.GetValueOrDefault((int)status) + 1;
            if ((int)status >= 500)
            {
                _serverErrors.Add($"{(int)status} {path}");
            }

            if (latency is { } timed)
            {
                _latencies.Add(timed);
            }
        }
    }

    private static void Expect(BrowserPage page, string marker, string what)
    {
        if (!page.Html.Contains(marker, StringComparison.Ordinal))
        {
            // The app's error page says why in its error-message paragraph; other pages, their start.
            var said = ErrorMessageRegex().Match(page.Html) is { Success: true } m ? m.Groups[1].Value.Trim() : page.Html[..Math.Min(page.Html.Length, 2000)];
            throw new InvalidOperationException($"Expected {what}, got {(int)page.Status} at {page.Uri}:\n{said}");
        }
    }

    [GeneratedRegex("data-testid=\"error-message\"[^>]*>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ErrorMessageRegex();

    [GeneratedRegex("src=\"(/photos/[^\"]+/thumbnail)\"")]
    private static partial Regex ImageRegex();
}
