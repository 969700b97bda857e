using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// Idempotent GETs to the photos API are retried, and a <c>Retry-After</c> (RFC 9110 §10.2.3) is honoured up to 5 s:
/// a longer one is cut to the cap, so the page neither hangs for the server's hour nor gives up on the retry.
/// Behaviour only — the calls the API saw and the page the person got — never how long anything took.
/// </summary>
public sealed class RetryAfterFromThePhotosApi : IAsyncLifetime
{
    /// <summary>A bound on the whole page, far above the 5 s cap, so a client waiting out the hour fails instead of hanging.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TestHosts _hosts = new();

    [Theory]
    [InlineData("1")]
    [InlineData("3600")]
    public async Task A_503_with_Retry_After_is_retried_once_and_the_gallery_shows(string retryAfter)
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var callsBefore = PhotosListCalls();
        var calls = 0;
        _hosts.Router.Fault = r => IsPhotosList(r) && Interlocked.Increment(ref calls) == 1 ? Unavailable(retryAfter) : null;

        var gallery = await browser.GetAsync(TestHosts.ClientOrigin + "photos").WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(callsBefore + 2, PhotosListCalls());
    }

    [Fact]
    public async Task A_Retry_After_date_an_hour_away_is_cut_to_the_cap_too()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        var callsBefore = PhotosListCalls();
        var calls = 0;
        _hosts.Router.Fault = r => IsPhotosList(r) && Interlocked.Increment(ref calls) == 1
            ? Unavailable(DateTimeOffset.UtcNow.AddHours(1).ToString("R", System.Globalization.CultureInfo.InvariantCulture))
            : null;

        var gallery = await browser.GetAsync(TestHosts.ClientOrigin + "photos").WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Equal(callsBefore + 2, PhotosListCalls());
    }

    [Fact]
    public async Task An_api_that_keeps_asking_to_retry_later_ends_on_the_try_again_page()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _hosts.Router.Fault = r => IsPhotosList(r) ? Unavailable("3600") : null;

        var page = await browser.GetAsync(TestHosts.ClientOrigin + "photos").WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("data-error-kind=\"photos-unreachable\"", page.Html, StringComparison.Ordinal);
    }

    private int PhotosListCalls() => _hosts.Router.Requests.Count(IsPhotosList);

    private static bool IsPhotosList(RecordedRequest request) =>
        request.Uri.Port == TestHosts.PhotosApiOrigin.Port && request.Uri.AbsolutePath == "/photos";

    private static HttpResponseMessage Unavailable(string retryAfter)
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        Assert.True(response.Headers.TryAddWithoutValidation("Retry-After", retryAfter));
        return response;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
