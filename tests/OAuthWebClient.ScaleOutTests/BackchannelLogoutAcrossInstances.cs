using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

/// <summary>
/// Back-Channel Logout 1.0 on two instances sharing Redis: the sandbox's logout token reaches one instance, and the
/// browser's next request, served by the other, is signed out — the session's tokens (and its index) are in Redis.
/// </summary>
public sealed class BackchannelLogoutAcrossInstances : IAsyncLifetime
{
    private readonly TestHosts _hosts;

    public BackchannelLogoutAcrossInstances()
    {
        var redis = TestRedis.Configure(TestRedis.NewKeyPrefix());
        _hosts = new TestHosts(redis, clientInstances: 2);
    }

    [RedisFact]
    public Task A_logout_token_received_by_one_instance_signs_the_browser_out_at_the_other() => SignOutAcrossInstancesAsync(_hosts);

    /// <summary>The scenario on two instances sharing a Redis (one server, or a cluster).</summary>
    internal static async Task SignOutAcrossInstancesAsync(TestHosts hosts)
    {
        var alice = hosts.NewBrowser();
        var bob = hosts.NewBrowser();
        hosts.UseClientInstance(1);
        await hosts.SignInAsync(alice, "alice");
        await hosts.SignInAsync(bob, "bob");

        // The load balancer sends the sandbox's POST /backchannel-logout to instance 0.
        hosts.UseClientInstance(0);
        Assert.False(await alice.IsSentToSignInAsync());
        var signedOut = await hosts.SignOutEverywhereAtTheSandboxAsync(alice);
        Assert.Contains("<code>oauth-web-client</code>: signed out (HTTP 200)", signedOut.Html, StringComparison.Ordinal);

        hosts.UseClientInstance(1);
        Assert.True(await alice.IsSentToSignInAsync());
        Assert.False(await bob.IsSentToSignInAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
