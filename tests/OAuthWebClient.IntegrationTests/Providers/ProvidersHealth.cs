using System.Net;
using System.Text.Json;

namespace OAuthWebClient.IntegrationTests.Providers;

/// <summary><c>/health</c> asks every provider's server, and says which one cannot be used.</summary>
public sealed class ProvidersHealth
{
    private static string AuthorizationServerCheck(string json, string field) =>
        JsonDocument.Parse(json).RootElement.GetProperty("checks").EnumerateArray()
            .Single(c => c.GetProperty("name").GetString() == "authorization-server").GetProperty(field).GetString()!;

    [Fact]
    public async Task Every_provider_is_checked_and_the_one_that_is_down_is_named()
    {
        await using var two = await TwoProviders.StartAsync();
        var browser = two.Client.NewBrowser();

        var healthy = await browser.GetAsync(two.Client.ClientOrigin + "health", followRedirects: false);
        two.South.MetadataUnavailable = true;
        var southDown = await browser.GetAsync(two.Client.ClientOrigin + "health", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, healthy.Status);
        Assert.Contains("all 2 providers", AuthorizationServerCheck(healthy.Html, "description"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, southDown.Status);
        Assert.Equal("Unhealthy", AuthorizationServerCheck(southDown.Html, "status"));
        Assert.StartsWith("south: ", AuthorizationServerCheck(southDown.Html, "description"), StringComparison.Ordinal);
    }
}
