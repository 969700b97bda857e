using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using OAuthWebClient.ScaleOutTests.Infrastructure;
using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

public sealed class HealthTests
{
    [RedisFact]
    public async Task Health_is_ok_when_the_authorization_server_and_redis_answer()
    {
        await using var hosts = new TestHosts(TestRedis.Configure(TestRedis.NewKeyPrefix()));

        var (status, checks) = await GetHealthAsync(hosts);

        Assert.True(HttpStatusCode.OK == status, string.Join("; ", checks.Select(c => $"{c.Key}={c.Value.Status}: {c.Value.Description}")));
        Assert.Equal("Healthy", checks["authorization-server"].Status);
        Assert.Equal("Healthy", checks["token-store"].Status);
        Assert.Contains("Redis", checks["token-store"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_is_unhealthy_with_the_reason_when_the_authorization_server_is_down()
    {
        await using var hosts = new TestHosts(builder => builder.UseSetting("OAuth:Authority", "http://127.0.0.1:5999/"));

        var (status, checks) = await GetHealthAsync(hosts);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["authorization-server"].Status);
        Assert.Contains("127.0.0.1:5999", checks["authorization-server"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", checks["token-store"].Status);
    }

    [Fact]
    public async Task Health_is_unhealthy_with_the_reason_when_redis_is_down()
    {
        await using var hosts = new TestHosts(builder => builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,abortConnect=false,connectTimeout=500"));

        var (status, checks) = await GetHealthAsync(hosts);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", checks["token-store"].Status);
        Assert.Contains("Redis", checks["token-store"].Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_redis_is_down_the_instance_is_live_but_not_ready_and_readiness_says_why()
    {
        await using var hosts = new TestHosts(builder => builder.UseSetting("ConnectionStrings:Redis", "127.0.0.1:1,abortConnect=false,connectTimeout=500"));

        var (live, liveChecks) = await GetHealthAsync(hosts, "/health/live");
        var (ready, readyChecks) = await GetHealthAsync(hosts, "/health/ready");

        // A restart does not bring Redis back: liveness asks no dependency (a Kubernetes livenessProbe would loop).
        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Empty(liveChecks);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Equal("Unhealthy", readyChecks["token-store"].Status);
        Assert.Contains("Redis", readyChecks["token-store"].Description, StringComparison.Ordinal);
        Assert.False(readyChecks.ContainsKey("self-check"), "readiness leaves the self-check's warnings to /health");
    }

    [Fact]
    public async Task While_the_authorization_server_is_down_the_instance_is_live_but_not_ready()
    {
        await using var hosts = new TestHosts(builder => builder.UseSetting("OAuth:Authority", "http://127.0.0.1:5999/"));

        var (live, _) = await GetHealthAsync(hosts, "/health/live");
        var (ready, readyChecks) = await GetHealthAsync(hosts, "/health/ready");

        Assert.Equal(HttpStatusCode.OK, live);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready);
        Assert.Contains("127.0.0.1:5999", readyChecks["authorization-server"].Description, StringComparison.Ordinal);
        Assert.Equal("Healthy", readyChecks["token-store"].Status);
    }

    private static async Task<(HttpStatusCode Status, Dictionary<string, (string Status, string Description)> Checks)> GetHealthAsync(TestHosts hosts, string path = "/health")
    {
        using var client = SignedInClient.For(hosts, 0);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("description").GetString() ?? ""));
        return (response.StatusCode, checks);
    }
}
