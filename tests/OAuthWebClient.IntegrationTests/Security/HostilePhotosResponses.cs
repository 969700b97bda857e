using System.Net;
using System.Text;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// What a broken or hostile photos API sends is a "try again" page (503) with the session kept — never a 500: a list
/// with entries that have no id or title (the gallery would link to them), and a body cut short after the headers
/// (on real sockets: only the real stack ends a response early).
/// </summary>
public sealed class HostilePhotosResponses
{
    [Theory]
    [InlineData("[null]")]
    [InlineData("""[{"title":"no id"}]""")]
    [InlineData("""[{"id":"","title":"empty id"}]""")]
    [InlineData("""[{"id":"no-title"}]""")]
    [InlineData("""{"photos":[]}""")]
    public async Task A_list_with_unusable_entries_is_a_try_again_page(string list)
    {
        await using var host = new ScriptedClientHost();
        await AssertTryAgainAsync(host, list, declaredLength: null);
    }

    [Fact]
    public async Task A_body_cut_short_after_the_headers_is_a_try_again_page()
    {
        await using var host = await ScriptedClientHost.OnLoopbackAsync();
        await AssertTryAgainAsync(host, """[{"id":"a","title":"cut"}]""", declaredLength: 4096);
    }

    private static async Task AssertTryAgainAsync(ScriptedClientHost host, string body, long? declaredLength)
    {
        var browser = host.NewBrowser();
        await host.SignInAsync(browser);
        host.Server.Fault = request => request.RequestUri!.Port == host.Server.PhotosApiOrigin.Port
            ? new HttpResponseMessage(HttpStatusCode.OK)
            {
                Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body))
                {
                    Headers = { ContentType = new("application/json"), ContentLength = declaredLength ?? Encoding.UTF8.GetByteCount(body) },
                },
            }
            : null;

        var page = await browser.GetAsync(host.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("photos-unreachable", page.Html, StringComparison.Ordinal);
        Assert.True(await host.IsSignedInAsync(browser));
    }
}
