using OAuthWebClient.Testing;

namespace OAuthWebClient.ScaleOutTests;

public sealed class CookieSizeTests
{
    [Fact]
    public async Task All_cookies_the_client_sets_after_sign_in_fit_in_600_bytes_and_hold_no_token()
    {
        await using var hosts = new TestHosts();
        var browser = hosts.NewBrowser();
        await hosts.SignInAsync(browser, "alice");
        await browser.GetAsync(TestHosts.ClientOrigin + "photos"); // a page with the sign-out form (antiforgery cookie)

        var cookies = browser.Cookies.GetAllCookies().Where(c => c.Domain == TestHosts.ClientOrigin.Host).ToList();
        var bytes = cookies.Sum(c => c.Name.Length + 1 + c.Value.Length);

        Assert.NotEmpty(cookies);
        Assert.True(bytes <= 600, $"The client's cookies take {bytes} bytes: {string.Join(", ", cookies.Select(c => $"{c.Name}={c.Value.Length}"))}");
        var accessToken = hosts.Router.Requests.Last(r => r.Uri.Port == TestHosts.PhotosApiOrigin.Port).Authorization!["Bearer ".Length..];
        Assert.All(cookies, c => Assert.DoesNotContain(accessToken[..40], c.Value, StringComparison.Ordinal));
    }
}
