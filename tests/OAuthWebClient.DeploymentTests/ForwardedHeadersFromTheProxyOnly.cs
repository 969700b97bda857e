using System.Net;
using OAuthWebClient.DeploymentTests.Infrastructure;

namespace OAuthWebClient.DeploymentTests;

/// <summary>
/// nginx connects to the instances from 127.0.0.2, the one trusted proxy (ForwardedHeaders:KnownProxies): through it the
/// app sees https (HSTS is sent). A request straight to an instance from 127.0.0.1 with forged X-Forwarded-Proto/Host is
/// taken as what it is — plain http from an untrusted peer — and the sign-in still names the configured public origin.
/// </summary>
public abstract class ForwardedHeadersFromTheProxyOnly(ProductionTopology topology)
{
    [DeploymentFact]
    public async Task Forged_forwarded_headers_from_another_address_are_ignored()
    {
        using (var viaProxy = topology.NewHttpClient())
        using (var page = await viaProxy.GetAsync("/"))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.True(page.Headers.Contains("Strict-Transport-Security"), "Through nginx the app should see https and send HSTS.");
        }

        using var direct = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        foreach (var instance in topology.InstanceOrigins)
        {
            using var home = Forged(HttpMethod.Get, new Uri(instance, "/"));
            using var homeResponse = await direct.SendAsync(home);
            Assert.Equal(HttpStatusCode.OK, homeResponse.StatusCode);
            Assert.False(homeResponse.Headers.Contains("Strict-Transport-Security"), "A forged X-Forwarded-Proto was believed.");

            using var login = Forged(HttpMethod.Get, new Uri(instance, "/account/login"));
            using var loginResponse = await direct.SendAsync(login);
            var location = loginResponse.Headers.Location?.AbsoluteUri ?? "";
            Assert.StartsWith(topology.Issuer.GetLeftPart(UriPartial.Authority), location, StringComparison.Ordinal);
            Assert.DoesNotContain("evil.example", location, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static HttpRequestMessage Forged(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "evil.example");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }
}

[Collection(OneRedisCollection.Name)]
public sealed class ForwardedHeadersFromTheProxyOnlyWithOneRedis(OneRedisTopology topology) : ForwardedHeadersFromTheProxyOnly(topology);
