using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Photos;
using OAuthWebClient.Client.Api;
using OAuthWebClient.Client;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// A photos API that accepts the call and never answers: each attempt times out, the retries time out, and when the
/// resilience pipeline gives up (its total timeout) the person gets the "try again" page — not a 500. The pipeline runs
/// on the client's fake clock, so the test moves time instead of waiting for it.
/// </summary>
public sealed class PhotosApiThatNeverAnswers : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly ClockControl _clock = new();
    private readonly TestHosts _hosts;
    private volatile bool _stalling;

    public PhotosApiThatNeverAnswers() => _hosts = new TestHosts(builder =>
    {
        _clock.Configure(builder);
        // Innermost on the photos client (after the bearer handler and the resilience pipeline): the API itself stalls.
        builder.ConfigureTestServices(services => services.AddHttpClient<PhotosApiClient>().AddHttpMessageHandler(() => new Stall(this)));
    });

    [Fact]
    public async Task A_photos_api_that_never_answers_ends_on_the_try_again_page()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        _stalling = true;

        var pending = browser.GetAsync(TestHosts.ClientOrigin + "photos");
        using var bound = new CancellationTokenSource(Bound);
        while (!pending.IsCompleted && !bound.IsCancellationRequested)
        {
            _clock.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(20, CancellationToken.None));
        }

        var page = await pending.WaitAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("data-error-kind=\"photos-unreachable\"", page.Html, StringComparison.Ordinal);
        Assert.True(await SignedInCheck.IsSignedInAsync(_hosts, browser)); // the session is kept
    }

    private sealed class Stall(PhotosApiThatNeverAnswers test) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (test._stalling)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }

            return await base.SendAsync(request, cancellationToken);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
