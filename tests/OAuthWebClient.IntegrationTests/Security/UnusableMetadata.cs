using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// A metadata document is checked when it is loaded (RFC 8414 §2, OIDC Discovery §3): without an authorization or
/// token endpoint, without a jwks_uri while openid is requested, or with an endpoint that is not an absolute https
/// URL (loopback excepted), it is treated like an unreachable server — a clear 503 page, /health unhealthy with the
/// reason, and retried — never a 500 from the first request that needs the missing endpoint.
/// </summary>
public sealed class UnusableMetadata
{
    [Theory]
    [InlineData("authorization_endpoint", null, "no authorization_endpoint")]
    [InlineData("token_endpoint", null, "no token_endpoint")]
    [InlineData("jwks_uri", null, "no jwks_uri")]
    [InlineData("token_endpoint", "not a url", "token_endpoint is not an absolute")]
    [InlineData("token_endpoint", "http://attacker.example/token", "token_endpoint (http://attacker.example/token) is not https")]
    [InlineData("authorization_endpoint", "https://127.0.0.1:6001/authorize#fragment", "authorization_endpoint is not an absolute")]
    [InlineData("revocation_endpoint", "http://attacker.example/revoke", "revocation_endpoint (http://attacker.example/revoke) is not https")]
    public async Task Metadata_missing_or_with_an_unusable_endpoint_is_a_clear_503_and_unhealthy(string member, string? value, string reason)
    {
        var server = new ScriptedAuthorizationServer { EditMetadata = metadata => Edit(metadata, member, value) };
        await using var host = new ScriptedClientHost(server);
        var browser = host.NewBrowser();

        var login = await browser.GetAsync(host.ClientOrigin + "account/login", followRedirects: false);
        var health = await browser.GetAsync(host.ClientOrigin + "health", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, login.Status);
        Assert.Contains("The sign-in server cannot be reached", login.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("oauth.tx.", login.Headers.GetValueOrDefault("Set-Cookie") ?? "", StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.Status);
        Assert.Contains(reason, health.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_is_mended_is_picked_up_without_a_restart()
    {
        var server = new ScriptedAuthorizationServer { EditMetadata = metadata => metadata.Remove("token_endpoint") };
        await using var host = new ScriptedClientHost(server);
        var browser = host.NewBrowser();
        var login = host.ClientOrigin + "account/login";
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await browser.GetAsync(login, followRedirects: false)).Status);

        server.EditMetadata = null;
        var page = await host.LoginAfterMetadataBackoffAsync(browser);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith(server.AuthorizationEndpoint.AbsoluteUri, page.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    private static void Edit(Dictionary<string, object> metadata, string member, string? value)
    {
        if (value is null)
        {
            metadata.Remove(member);
        }
        else
        {
            metadata[member] = value;
        }
    }
}
