using System.Net;
using System.Net.Sockets;
using OAuthWebClient.DeploymentTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// nginx connects to the instances from 127.0.0.2, the one trusted proxy (ForwardedHeaders:KnownProxies). With
/// OAuth:PublicOrigin set the forwarded headers decide nothing an attacker could use; without it they decide the scheme
/// and host — believed from 127.0.0.2, ignored from 127.0.0.1 (RFC 9700 §4.1: no redirect URI from a header anyone can set).
/// </summary>
public abstract class ForwardedHeadersFromTheProxyOnly(ProductionTopology topology)
{
    [DeploymentFact]
    public async Task Forged_forwarded_headers_straight_to_an_instance_do_not_change_the_sign_in()
    {
        using var direct = From(IPAddress.Loopback);
        foreach (var instance in topology.InstanceOrigins)
        {
            using var login = Forged(new Uri(instance, "/account/login"), "evil.example");
            using var response = await direct.SendAsync(login);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(topology.Issuer.GetLeftPart(UriPartial.Authority), response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", response.Headers.ToString(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [DeploymentFact]
    public async Task Without_a_public_origin_only_the_trusted_proxy_address_sets_the_scheme_and_host()
    {
        var origin = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        await using var instance = await topology.StartExtraInstanceAsync(origin, environment => environment.Remove("OAuth__PublicOrigin"));
        var publicHost = topology.Origin.Authority;

        // From the proxy's address: https and the public host are believed — the sign-in cookie is __Secure- and the
        // authorization server accepts the redirect URI (https://localhost:{nginx}/callback is the registered one).
        using var proxy = From(IPAddress.Parse("127.0.0.2"));
        using var trusted = await proxy.SendAsync(Forged(new Uri(origin, "/account/login"), publicHost));
        Assert.Equal(HttpStatusCode.Redirect, trusted.StatusCode);
        Assert.StartsWith(topology.Issuer.GetLeftPart(UriPartial.Authority), trusted.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains(trusted.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Secure-", StringComparison.Ordinal));

        // The same headers from anyone else: plain http on the instance's own address, so no __Secure- cookie, and the
        // pushed request names http://127.0.0.1:{port}/callback, which the server rejects (the app's 502 page): no sign-in.
        using var other = From(IPAddress.Loopback);
        using var forged = await other.SendAsync(Forged(new Uri(origin, "/account/login"), publicHost));
        Assert.Equal(HttpStatusCode.BadGateway, forged.StatusCode);
        Assert.Contains("pushed authorization request failed", instance.Output, StringComparison.Ordinal);
        var cookies = forged.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];
        Assert.DoesNotContain(cookies, c => c.StartsWith("__Secure-", StringComparison.Ordinal));
    }

    private static HttpRequestMessage Forged(Uri url, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", host);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    /// <summary>An HTTP client whose connections come from <paramref name="source"/> (a loopback address), no redirects followed.</summary>
    private static HttpClient From(IPAddress source) => new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectCallback = async (context, cancellationToken) =>
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                socket.Bind(new IPEndPoint(source, 0));
                await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    });
}

[Collection(OneRedisCollection.Name)]
public sealed class ForwardedHeadersFromTheProxyOnlyWithOneRedis(OneRedisTopology topology) : ForwardedHeadersFromTheProxyOnly(topology);

[Collection(RedisClusterCollection.Name)]
public sealed class ForwardedHeadersFromTheProxyOnlyOnRedisCluster(RedisClusterTopology topology) : ForwardedHeadersFromTheProxyOnly(topology);
