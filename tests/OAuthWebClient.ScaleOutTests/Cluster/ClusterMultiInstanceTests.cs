using System.Net;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests.Cluster;

/// <summary>
/// Two client instances on a three-master Redis Cluster: every step on either instance, the keys spread over the masters
/// (so every command really crosses slots and nodes, and none may take two keys of different slots).
/// </summary>
[Collection(RedisClusterCollection.Name)]
public sealed class ClusterMultiInstanceTests(RedisClusterFixture redis) : IAsyncLifetime
{
    private readonly string _prefix = TestRedis.NewKeyPrefix();
    private readonly ClockControl _clock = new();
    private TestHosts _hosts = null!;

    [RedisClusterFact]
    public async Task Sign_ins_cross_instances_and_their_keys_land_on_every_master()
    {
        var browsers = new List<Browser>();
        foreach (var user in (string[])["alice", "bob", "alice"])
        {
            var browser = _hosts.NewBrowser();
            _hosts.UseClientInstance(0);
            var consent = await _hosts.StartSignInAsync(browser, user);
            _hosts.UseClientInstance(1); // the callback: the other instance reads the transaction cookie (key ring in Redis)
            var gallery = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");
            Assert.Equal(HttpStatusCode.OK, gallery.Status);
            Assert.Contains("<img", gallery.Html, StringComparison.Ordinal);
            browsers.Add(browser);
        }

        _hosts.UseClientInstance(0);
        foreach (var browser in browsers)
        {
            var photos = await browser.GetAsync(TestHosts.ClientOrigin + "photos");
            Assert.Equal(HttpStatusCode.OK, photos.Status);
        }

        Assert.Equal(3, _hosts.TokenEndpointCalls);
        // 3 used states, 3 token sets, the sid and sub sets, the key ring: on the three masters, none left out.
        await using var connection = await redis.ConnectAsync();
        var perMaster = RedisClusterFixture.KeysPerMaster(connection, _prefix);
        Assert.Equal(3, perMaster.Count);
        Assert.All(perMaster, master => Assert.True(master.Value > 0, $"No key on master {master.Key}: {string.Join(", ", perMaster)}"));
        Assert.Equal(1, RedisClusterFixture.KeysPerMaster(connection, _prefix + "dataprotection-keys").Values.Sum());
    }

    [RedisClusterFact]
    public async Task A_callback_replayed_on_the_other_instance_is_refused()
    {
        var browser = _hosts.NewBrowser();
        _hosts.UseClientInstance(0);
        var callback = await _hosts.SignInUntilCallbackAsync(browser, "alice");
        var cookies = browser.Cookies.GetCookieHeader(callback);
        var first = await browser.GetAsync(callback.AbsoluteUri, followRedirects: false);
        Assert.Equal(HttpStatusCode.Redirect, first.Status);

        // The same response again, with the transaction cookie as it was, at the other instance: the state is used.
        _hosts.UseClientInstance(1);
        var replay = _hosts.NewBrowser();
        replay.Cookies.SetCookies(callback, cookies.Replace("; ", ",", StringComparison.Ordinal));
        var again = await replay.GetAsync(callback.AbsoluteUri, followRedirects: false);

        Assert.Equal(HttpStatusCode.BadRequest, again.Status);
        Assert.Equal(1, _hosts.TokenEndpointCalls);
    }

    [RedisClusterFact]
    public async Task A_refresh_stampede_on_two_instances_redeems_the_refresh_token_once()
    {
        var browser = _hosts.NewBrowser();
        await _hosts.SignInAsync(browser, "alice");

        _clock.Time.Advance(TimeSpan.FromMinutes(5)); // past the sandbox's access token lifetime
        using var a = SignedInClient.For(_hosts, 0);
        using var b = SignedInClient.For(_hosts, 1);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => SignedInClient.GetAsync(i % 2 == 0 ? a : b, browser, "/photos")));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(1, _hosts.Router.Requests.Count(r => r.Uri.AbsolutePath == "/connect/token" && r.Body!.Contains("grant_type=refresh_token", StringComparison.Ordinal)));
    }

    /// <summary>The session index sets (per sid and sub) live on other masters than the tokens they point to.</summary>
    [RedisClusterFact]
    public Task A_logout_token_received_by_one_instance_signs_the_browser_out_at_the_other() =>
        BackchannelLogoutAcrossInstances.SignOutAcrossInstancesAsync(_hosts);

    public Task InitializeAsync()
    {
        if (RedisClusterFixture.InCi || Testing.Deployment.RedisClusterProcess.WhyUnavailable is null)
        {
            var cluster = redis.Configure(_prefix);
            _hosts = new TestHosts(builder => { cluster(builder); _clock.Configure(builder); }, clientInstances: 2);
        }

        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_hosts is not null)
        {
            await _hosts.DisposeAsync();
        }
    }
}
