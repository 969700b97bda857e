using System.Net;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>Two client instances behind one origin, sharing Redis and the sandbox: any instance serves any step.</summary>
public sealed class MultiInstanceTests : IAsyncLifetime
{
    private readonly ClockControl _clock = new();
    private readonly TestHosts _hosts;

    public MultiInstanceTests()
    {
        var redis = TestRedis.Configure(TestRedis.NewKeyPrefix());
        _hosts = new TestHosts(builder => { redis(builder); _clock.Configure(builder); }, clientInstances: 2);
    }

    [RedisFact]
    public async Task Login_started_on_one_instance_completes_on_the_other_and_photos_come_from_the_first()
    {
        var browser = _hosts.NewBrowser();
        _hosts.UseClientInstance(0);
        var consent = await _hosts.StartSignInAsync(browser, "alice");

        _hosts.UseClientInstance(1);
        var gallery = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");
        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);

        _hosts.UseClientInstance(0);
        var again = await browser.GetAsync(TestHosts.ClientOrigin + "photos");
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("Harbour at dawn", again.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    [RedisFact]
    public async Task A_refresh_stampede_on_two_instances_redeems_the_refresh_token_once_and_fails_no_request()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");
        Assert.Equal(1, _hosts.TokenEndpointCalls);

        // The sandbox's access tokens live 5 minutes: past that, every request needs a refresh.
        _clock.Time.Advance(TimeSpan.FromMinutes(5));
        using var a = SignedInClient.For(_hosts, 0);
        using var b = SignedInClient.For(_hosts, 1);
        var requests = Enumerable.Range(0, 400).Select(i => SignedInClient.GetAsync(i % 2 == 0 ? a : b, browser, "/photos"));
        var statuses = await Task.WhenAll(requests);

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(2, _hosts.TokenEndpointCalls); // the code redemption, then exactly one refresh
        Assert.Equal(1, _hosts.Router.Requests.Count(r => r.Uri.AbsolutePath == "/connect/token" && r.Body!.Contains("grant_type=refresh_token", StringComparison.Ordinal)));
    }

    [RedisFact]
    public async Task A_session_survives_a_restart_of_the_instance_that_created_it()
    {
        var browser = _hosts.NewBrowser();
        _hosts.UseClientInstance(0);
        await _hosts.SignInAsync(browser, "alice");

        await _hosts.DisposeClientInstanceAsync(0);
        _hosts.UseClientInstance(_hosts.AddClientInstance());
        var gallery = await browser.GetAsync(TestHosts.ClientOrigin + "photos");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
