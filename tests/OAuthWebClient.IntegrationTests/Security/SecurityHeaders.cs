using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9700 §4.2.4 and the usual browser hardening, on every response: no Referer, no MIME sniffing, no framing
/// (CSP <c>frame-ancestors 'none'</c>), and HSTS over HTTPS outside Development.
/// </summary>
public sealed class SecurityHeaders
{
    [Theory]
    [InlineData("", HttpStatusCode.OK)]
    [InlineData("account/login?returnUrl=%2Fphotos", HttpStatusCode.Redirect)]
    [InlineData("callback?code=x&state=y", HttpStatusCode.BadRequest)]
    [InlineData("callback", HttpStatusCode.BadRequest)]
    [InlineData("photos", HttpStatusCode.Redirect)]
    [InlineData("no-such-page", HttpStatusCode.NotFound)]
    [InlineData("css/site.css", HttpStatusCode.OK)]
    public async Task Every_response_carries_the_security_headers(string path, HttpStatusCode status)
    {
        await using var host = new ScriptedClientHost();

        var page = await host.NewBrowser().GetAsync(host.ClientOrigin + path, followRedirects: false);

        Assert.Equal(status, page.Status);
        AssertSecurityHeaders(page);
    }

    [Fact]
    public async Task Hsts_is_sent_over_https_outside_development()
    {
        await using var host = HttpsHost("Production");

        var page = await host.NewBrowser().GetAsync(host.ClientOrigin.AbsoluteUri, followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("max-age=", page.Headers["Strict-Transport-Security"], StringComparison.Ordinal);
        AssertSecurityHeaders(page);
    }

    [Fact]
    public async Task Hsts_is_not_pinned_on_a_development_machine()
    {
        await using var host = HttpsHost("Development");

        var page = await host.NewBrowser().GetAsync(host.ClientOrigin.AbsoluteUri, followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.False(page.Headers.ContainsKey("Strict-Transport-Security"));
    }

    internal static void AssertSecurityHeaders(BrowserPage page)
    {
        Assert.Equal("no-referrer", page.Headers.GetValueOrDefault("Referrer-Policy"));
        Assert.Equal("nosniff", page.Headers.GetValueOrDefault("X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValueOrDefault("Content-Security-Policy") ?? "", StringComparison.Ordinal);
    }

    internal static ScriptedClientHost HttpsHost(string environment) => new(
        settings: new Dictionary<string, string?> { ["OAuth:PublicOrigin"] = "https://photos.example", ["AllowedHosts"] = "photos.example" },
        configure: builder => Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, environment),
        clientOrigin: new Uri("https://photos.example/"));
}
