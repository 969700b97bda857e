using System.Diagnostics;
using System.Net;

namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// One browser of the soak over real sockets: signs in through the sandbox's login and consent pages (redirects followed
/// by hand across the client's and the sandbox's origins), then requests the pages in a loop until the deadline, recording
/// every status and latency. Sent to sign in while signed in = a lost session: counted, then signed in again.
/// </summary>
internal sealed class SoakSession(int index, string user, SoakOptions options) : IDisposable
{
    private readonly SoakLoadBalancer _balancer = new(options.PublicOrigin, options.Instances);
    private readonly Dictionary<int, int> _statuses = [];
    private readonly List<string> _serverErrors = [];
    private readonly List<TimeSpan> _latencies = [];
    private int _lost;

    public async Task SignInAsync()
    {
        var browser = Browser();
        var login = await browser.GetAsync(Url("account/login?returnUrl=%2Fphotos"));
        Expect(login, "Username", "the sandbox's login page");
        var consent = await browser.SubmitAsync(login, "Sign in", new Dictionary<string, string> { ["Username"] = user, ["Password"] = user });
        Expect(consent, "Allow", "the consent page");
        var gallery = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");
        Record(gallery.Status, "/callback → /photos", TimeSpan.Zero, timed: false);
        Expect(gallery, "<img", "the gallery");
    }

    public async Task<SoakSessionResult> BrowseAsync(DateTime until)
    {
        for (var i = 0; DateTime.UtcNow < until; i++)
        {
            var path = options.Pages[i % options.Pages.Count];
            var started = Stopwatch.GetTimestamp();
            var page = await Browser().GetAsync(Url(path), followRedirects: false);
            Record(page.Status, "/" + path, Stopwatch.GetElapsedTime(started), timed: true);
            if (IsSentToSignIn(page))
            {
                _lost++;
                await SignInAsync();
            }

            await Task.Delay(options.Pause);
        }

        var end = await Browser().GetAsync(Url(options.Pages[0]), followRedirects: false);
        return new SoakSessionResult(index, user, _statuses.Values.Sum(), _statuses, _serverErrors, _lost,
            end.Status == HttpStatusCode.OK, _latencies, _balancer.Retries);
    }

    public void Dispose() => _balancer.Dispose();

    private Browser? _browser;

    /// <summary>One browser (cookie jar) for the session's life, over its own connections.</summary>
    private Browser Browser() => _browser ??= new Browser(_balancer);

    private string Url(string path) => new Uri(options.PublicOrigin, path).AbsoluteUri;

    private static bool IsSentToSignIn(BrowserPage page) =>
        page.Status == HttpStatusCode.Redirect && page.Location!.AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal);

    private void Record(HttpStatusCode status, string path, TimeSpan latency, bool timed)
    {
        _statuses[(int)status] = _statuses.GetValueOrDefault((int)status) + 1;
        if ((int)status >= 500)
        {
            _serverErrors.Add($"{(int)status} {path}");
        }

        if (timed)
        {
            _latencies.Add(latency);
        }
    }

    private static void Expect(BrowserPage page, string marker, string what)
    {
        if (!page.Html.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected {what}, got {(int)page.Status} at {page.Uri}:\n{page.Html[..Math.Min(page.Html.Length, 2000)]}");
        }
    }
}
