using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// One refresh per session at a time (Tokens/SingleFlight.cs) must not become one refresh for everybody: two people
/// whose tokens expire together each get their own new tokens, and the API sees each person's own token.
/// Against the real sandbox, with the client's clock moved past expiry.
/// </summary>
public sealed class ConcurrentRefreshOfTwoUsers : IAsyncLifetime
{
    private const int RequestsPerUser = 4;
    private static readonly TimeSpan GateTimeout = TimeSpan.FromSeconds(2);

    private readonly ClockControl _clock = new();
    private readonly ManualResetEventSlim _bothRefreshesArrived = new();
    private readonly TestHosts _hosts;

    public ConcurrentRefreshOfTwoUsers() => _hosts = new TestHosts(_clock.Configure);

    [Fact]
    public async Task Two_users_refreshing_at_once_each_get_their_own_tokens()
    {
        var alice = _hosts.NewBrowser();
        var bob = _hosts.NewBrowser();
        await _hosts.SignInAsync(alice, "alice");
        await _hosts.SignInAsync(bob, "bob");
        var signInTokens = ApiAuthorizations().ToList();
        var before = _hosts.Router.Requests.Count;
        HoldRefreshesUntilBothArrived();

        _clock.Time.Advance(TimeSpan.FromMinutes(5)); // both access tokens have expired
        using var client = _hosts.Client.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var pages = await Task.WhenAll(Enumerable.Range(0, RequestsPerUser * 2).Select(i => GalleryAsync(client, i % 2 == 0 ? alice : bob)));

        var alicePages = pages.Where((_, i) => i % 2 == 0).ToList();
        var bobPages = pages.Where((_, i) => i % 2 == 1).ToList();
        Assert.All(pages, page => Assert.Equal(HttpStatusCode.OK, page.Status));
        Assert.All(alicePages, page => Assert.Contains("Harbour at dawn", page.Html, StringComparison.Ordinal));
        Assert.All(alicePages, page => Assert.DoesNotContain("Mountain lake", page.Html, StringComparison.Ordinal));
        Assert.All(bobPages, page => Assert.Contains("Mountain lake", page.Html, StringComparison.Ordinal));
        Assert.All(bobPages, page => Assert.DoesNotContain("Harbour at dawn", page.Html, StringComparison.Ordinal));

        // One refresh each, and the API saw exactly two new tokens after it: alice's own and bob's own.
        Assert.Equal(2, _hosts.Router.Requests.Skip(before).Count(IsRefresh));
        var sent = ApiAuthorizations().Skip(signInTokens.Count).Distinct().ToList();
        Assert.Equal(2, sent.Count);
        Assert.DoesNotContain(sent, signInTokens.Contains);
        Assert.Equal(new[] { "alice", "bob" }, sent.Select(Subject).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// "At the same moment", made certain: each refresh request waits at the token endpoint until the other one has
    /// arrived too (bounded, so a client that shares one refresh between the two fails instead of hanging).
    /// </summary>
    private void HoldRefreshesUntilBothArrived()
    {
        var arrived = 0;
        _hosts.Router.Fault = request =>
        {
            if (IsRefresh(request) && Interlocked.Increment(ref arrived) is var n && n <= 2)
            {
                if (n == 2)
                {
                    _bothRefreshesArrived.Set();
                }

                _bothRefreshesArrived.Wait(GateTimeout);
            }

            return null;
        };
    }

    private static async Task<(HttpStatusCode Status, string Html)> GalleryAsync(HttpClient client, Browser browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/photos");
        request.Headers.Add("Cookie", browser.Cookies.GetCookieHeader(TestHosts.ClientOrigin));
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private IEnumerable<string> ApiAuthorizations() => _hosts.Router.Requests
        .Where(r => r.Uri.Port == TestHosts.PhotosApiOrigin.Port && r.Uri.AbsolutePath == "/photos" && r.Authorization is not null)
        .Select(r => r.Authorization!);

    private static bool IsRefresh(RecordedRequest request) =>
        request.Uri.AbsolutePath == "/connect/token" && request.Body?.Contains("grant_type=refresh_token", StringComparison.Ordinal) == true;

    /// <summary>The <c>sub</c> of the RFC 9068 JWT access token in an <c>Authorization: Bearer</c> header.</summary>
    private static string Subject(string authorization) => new JsonWebToken(authorization["Bearer ".Length..]).Subject;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
        _bothRefreshesArrived.Dispose();
    }
}
