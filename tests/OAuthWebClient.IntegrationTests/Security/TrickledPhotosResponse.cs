using System.Net;
using System.Text;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// A photos API that sends its headers at once and then trickles its body cannot hold a page for as long as it
/// likes: the call is bounded as a whole (<c>PhotosApi:Timeout</c> × 3 + 1 s), and the page says "try again" with the
/// session kept. On real sockets: HttpClient reads the body after the resilience pipeline, which only the real stack shows.
/// </summary>
public sealed class TrickledPhotosResponse : IAsyncLifetime
{
    private ScriptedClientHost _host = null!;

    private ScriptedAuthorizationServer Server => _host.Server;

    [Fact]
    public async Task A_photos_list_whose_body_trickles_in_is_cut_off_into_a_try_again_page()
    {
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);
        var list = Encoding.UTF8.GetBytes("""[{"id":"scripted-photo","title":"Scripted harbour","width":640,"height":480}]""");
        Server.Fault = request => request.RequestUri!.Port == Server.PhotosApiOrigin.Port
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new TrickleContent(list, TimeSpan.FromMilliseconds(250)) }
            : null;

        var page = await browser.GetAsync(_host.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.Status);
        Assert.Contains("photos-unreachable", page.Html, StringComparison.Ordinal);
        Assert.True(await _host.IsSignedInAsync(browser));
    }

    public async Task InitializeAsync()
    {
        _host = await ScriptedClientHost.OnLoopbackAsync(new Dictionary<string, string?> { ["PhotosApi:Timeout"] = "00:00:01" });
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
