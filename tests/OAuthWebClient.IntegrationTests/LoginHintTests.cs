using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests;

/// <summary><c>/account/login?login_hint=…</c> passes the hint on (OIDC Core §3.1.2.1), bounded; the sandbox still signs in.</summary>
public sealed class LoginHintTests : IAsyncLifetime
{
    private readonly TestHosts _hosts = new();

    private async Task<Dictionary<string, Microsoft.Extensions.Primitives.StringValues>> AuthorizationQueryAsync(string loginHint)
    {
        var start = await _hosts.NewBrowser().GetAsync(TestHosts.ClientOrigin + "account/login?login_hint=" + Uri.EscapeDataString(loginHint), followRedirects: false);
        Assert.NotNull(start.Location);
        return _hosts.AuthorizationParameters(start.Location!);
    }

    [Fact]
    public async Task Login_hint_from_the_sign_in_link_reaches_the_authorization_request()
    {
        var query = await AuthorizationQueryAsync("alice@example.com");

        Assert.Equal("alice@example.com", query["login_hint"]);
    }

    [Fact]
    public async Task An_overlong_or_control_character_login_hint_is_not_sent_but_the_sign_in_goes_on()
    {
        Assert.False((await AuthorizationQueryAsync(new string('a', 257))).ContainsKey("login_hint"));
        Assert.False((await AuthorizationQueryAsync("alice\r\nX: y")).ContainsKey("login_hint"));
    }

    [Fact]
    public async Task Offline_access_is_requested_with_prompt_consent_and_the_sandbox_still_signs_in()
    {
        var query = await AuthorizationQueryAsync("alice");
        Assert.Contains("offline_access", query["scope"].ToString(), StringComparison.Ordinal);
        Assert.Equal("consent", query["prompt"]);

        var gallery = await _hosts.SignInAsync(_hosts.NewBrowser(), "alice");

        Assert.Equal("/photos", gallery.Uri.AbsolutePath);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _hosts.DisposeAsync();
}
