using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 9700 §4.1: the redirect URI is never built from a header an attacker can set. <c>X-Forwarded-Proto/Host</c>
/// are believed from the configured proxies only (<c>ForwardedHeaders:KnownProxies</c>, <c>KnownNetworks</c>) and
/// only for a host in <c>AllowedHosts</c>; from anyone else — loopback included when it is not configured — they are
/// ignored. <c>OAuth:PublicOrigin</c>, when set, still wins. The client listens on a real loopback socket, so the
/// caller's address is what the operating system says (127.0.0.1).
/// </summary>
public sealed class ForwardedHeadersTrust
{
    [Fact]
    public async Task A_trusted_proxys_forwarded_scheme_and_host_build_the_redirect_uri()
    {
        var redirectUri = await RedirectUriAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" }, "https", "localhost");

        Assert.Equal("https://localhost/callback", redirectUri);
    }

    [Fact]
    public async Task A_trusted_network_works_like_a_trusted_proxy()
    {
        var redirectUri = await RedirectUriAsync(new() { ["ForwardedHeaders:KnownNetworks:0"] = "127.0.0.0/8" }, "https", "localhost");

        Assert.Equal("https://localhost/callback", redirectUri);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("10.1.2.3")]
    public async Task A_spoofed_forwarded_host_from_an_untrusted_address_does_not_change_the_redirect_uri(string? trustedProxy)
    {
        var settings = trustedProxy is null ? new Dictionary<string, string?>() : new() { ["ForwardedHeaders:KnownProxies:0"] = trustedProxy };

        var redirectUri = await RedirectUriAsync(settings, "https", "attacker.example");

        Assert.StartsWith("http://127.0.0.1:", redirectUri, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker", redirectUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_frameworks_forwarded_headers_switch_does_not_make_everyone_trusted()
    {
        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true (common in container images) adds the framework's own middleware.
        var redirectUri = await RedirectUriAsync(new() { ["FORWARDEDHEADERS_ENABLED"] = "true" }, "https", "localhost");

        Assert.StartsWith("http://127.0.0.1:", redirectUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_trusted_proxy_cannot_forward_a_host_outside_allowed_hosts()
    {
        var redirectUri = await RedirectUriAsync(new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1" }, "https", "attacker.example");

        Assert.DoesNotContain("attacker", redirectUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_public_origin_wins_over_forwarded_headers()
    {
        var redirectUri = await RedirectUriAsync(
            new() { ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1", ["OAuth:PublicOrigin"] = "https://photos.example" }, "https", "localhost");

        Assert.Equal("https://photos.example/callback", redirectUri);
    }

    /// <summary><c>GET /account/login</c> through the socket with forwarded headers; the redirect_uri the client sent.</summary>
    private static async Task<string> RedirectUriAsync(Dictionary<string, string?> settings, string forwardedProto, string forwardedHost)
    {
        await using var host = new ScriptedClientHost(settings: settings);
        host.Factory.UseKestrel(0);
        host.Factory.StartServer();
        var address = host.Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(RealAddress(new Uri(address)), "/account/login"));
        request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        request.Headers.Add("X-Forwarded-Host", forwardedHost);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return QueryHelpers.ParseQuery(response.Headers.Location!.Query)["redirect_uri"].ToString();
    }

    /// <summary>The server's address as 127.0.0.1 (a Host that AllowedHosts accepts, on the IPv4 loopback it listens on).</summary>
    private static Uri RealAddress(Uri baseAddress) => new UriBuilder(baseAddress) { Host = "127.0.0.1" }.Uri;
}
