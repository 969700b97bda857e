using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 8414 §3.3, OIDC Discovery §4.3: metadata is used only when its issuer is the configured authority. A discovery
/// failure at start-up is retried with backoff, not remembered as a failure for minutes.
/// </summary>
public sealed class ServerMetadataTrust
{
    [Theory]
    [InlineData("http://attacker.example/")]
    [InlineData("http://127.0.0.1:6001/other/")]
    [InlineData("https://127.0.0.1:6001/")]
    public async Task Metadata_naming_another_issuer_is_refused_and_sign_in_never_starts(string issuer)
    {
        await using var host = new ScriptedClientHost(new ScriptedAuthorizationServer { MetadataIssuer = issuer });

        var page = await host.NewBrowser().GetAsync(host.ClientOrigin + "account/login", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Null(page.Location);
        Assert.DoesNotContain("oauth.tx.", page.Headers.GetValueOrDefault("Set-Cookie") ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_failure_at_start_up_is_retried_with_backoff_and_not_remembered_for_minutes()
    {
        var server = new ScriptedAuthorizationServer { MetadataUnavailable = true };
        await using var host = new ScriptedClientHost(server);
        var browser = host.NewBrowser();
        var login = host.ClientOrigin + "account/login";
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync(login, followRedirects: false)).Status);

        // The server comes up. The backoff is capped at 30 s — far below the minutes a cached failure would last.
        server.MetadataUnavailable = false;
        var page = await host.LoginAfterMetadataBackoffAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith(server.AuthorizationEndpoint.AbsoluteUri, page.Location!.AbsoluteUri, StringComparison.Ordinal);
    }
}
