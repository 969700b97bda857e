using System.Net;
using OAuthWebClient.Testing;

namespace MinimalApi.Tests;

/// <summary>A person in a browser (an HttpClient with cookies that follows redirects) against the running sample.</summary>
public sealed class SignInFlowTests(StandaloneSandbox sandbox) : IClassFixture<StandaloneSandbox>
{
    private static readonly string[] AliceTitles = ["Harbour at dawn", "Lighthouse in fog", "Old town rooftops", "Sailing regatta"];
    private static readonly string[] BobTitles = ["Mountain lake", "Pine forest trail", "Snowy summit"];

    [Fact]
    public async Task Alice_signs_in_sees_her_photo_titles_and_signs_out_here_and_at_the_server()
    {
        using var browser = Browser();

        // /photos while signed out → /login → the sandbox's login and consent pages → /callback → back to /photos.
        var photos = await SignInAsync(browser, new Uri(sandbox.Sample, "photos"), "alice");
        Assert.Equal(AliceTitles, (await PageAsync(photos, sandbox.Sample, "/photos")).Split('\n'));
        Assert.Contains("Signed in as Alice.", await browser.GetStringAsync(sandbox.Sample), StringComparison.Ordinal);

        // RP-initiated logout: the sandbox ends its session and returns to /signed-out with the state the sample sent.
        using var nothing = new FormUrlEncodedContent([]);
        var signedOut = await browser.PostAsync(new Uri(sandbox.Sample, "logout"), nothing);
        Assert.Equal("Signed out, here and at the authorization server.", await PageAsync(signedOut, sandbox.Sample, "/signed-out"));
        Assert.Contains("<a href=\"/login\">Sign in</a>", await browser.GetStringAsync(sandbox.Sample), StringComparison.Ordinal);

        // Both sessions are gone: the photos need a password again, not just a consent.
        var again = await browser.GetAsync(new Uri(sandbox.Sample, "photos"));
        Assert.Contains("Sign in", await PageAsync(again, sandbox.AuthServer, "/account/login"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bob_sees_his_own_photo_titles_not_alices()
    {
        using var browser = Browser();

        var photos = await SignInAsync(browser, new Uri(sandbox.Sample, "photos"), "bob");

        Assert.Equal(BobTitles, (await PageAsync(photos, sandbox.Sample, "/photos")).Split('\n'));
    }

    [Fact]
    public async Task Sign_out_everywhere_at_the_sandbox_signs_the_sample_out_by_back_channel_logout()
    {
        using var browser = Browser();
        await SignInAsync(browser, new Uri(sandbox.Sample, "photos"), "bob");
        Assert.Contains("Signed in as Bob.", await browser.GetStringAsync(sandbox.Sample), StringComparison.Ordinal);

        var home = await browser.GetAsync(sandbox.AuthServer);
        var signedOut = await SubmitAsync(browser, home, HtmlForm.Find(await PageAsync(home, sandbox.AuthServer, "/"), "Sign out everywhere"));

        Assert.Contains("<code>minimal-sample</code>: signed out (HTTP 200)", await PageAsync(signedOut, sandbox.AuthServer, "/account/signout-everywhere"), StringComparison.Ordinal);
        Assert.Contains("<a href=\"/login\">Sign in</a>", await browser.GetStringAsync(sandbox.Sample), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_garbage_logout_token_is_refused_in_plain_text()
    {
        using var client = new HttpClient();
        using var form = new FormUrlEncodedContent([KeyValuePair.Create("logout_token", "not-a-jwt")]);

        var response = await client.PostAsync(new Uri(sandbox.Sample, "backchannel-logout"), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("logout token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_callback_without_a_sign_in_in_progress_is_refused_in_plain_text()
    {
        using var browser = Browser();

        var response = await browser.GetAsync(new Uri(sandbox.Sample, "callback?code=forged-code&state=forged-state"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var message = await response.Content.ReadAsStringAsync();
        Assert.False(string.IsNullOrWhiteSpace(message));
        Assert.DoesNotContain("forged", message, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/login\">Sign in</a>", await browser.GetStringAsync(sandbox.Sample), StringComparison.Ordinal);
    }

    private static HttpClient Browser() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true })
        {
            Timeout = TimeSpan.FromSeconds(60),
        };

    /// <summary>Opens <paramref name="page"/>, signs in at the sandbox and allows access; the response after the callback.</summary>
    private async Task<HttpResponseMessage> SignInAsync(HttpClient browser, Uri page, string user)
    {
        var login = await browser.GetAsync(page);
        var loginForm = HtmlForm.Find(await PageAsync(login, sandbox.AuthServer, "/account/login"), "Sign in");
        loginForm.Fields["Username"] = user;
        loginForm.Fields["Password"] = user;

        var consent = await SubmitAsync(browser, login, loginForm);
        var consentPage = await PageAsync(consent, sandbox.AuthServer, "/connect/authorize");
        Assert.Contains("Allow Minimal API sample to access your account?", consentPage, StringComparison.Ordinal);
        var consentForm = HtmlForm.Find(consentPage, ">Allow<");
        consentForm.Fields["decision"] = "allow";
        return await SubmitAsync(browser, consent, consentForm);
    }

    private static async Task<HttpResponseMessage> SubmitAsync(HttpClient browser, HttpResponseMessage page, HtmlForm form)
    {
        using var content = new FormUrlEncodedContent(form.Fields);
        return await browser.PostAsync(new Uri(page.RequestMessage!.RequestUri!, form.Action), content);
    }

    /// <summary>The body of a 200 that ended at <paramref name="path"/> of <paramref name="origin"/>; otherwise fails with the apps' output.</summary>
    private async Task<string> PageAsync(HttpResponseMessage response, Uri origin, string path)
    {
        var body = await response.Content.ReadAsStringAsync();
        var url = response.RequestMessage?.RequestUri;
        if (response.StatusCode != HttpStatusCode.OK || url is null || url.GetLeftPart(UriPartial.Authority) != origin.GetLeftPart(UriPartial.Authority) || url.AbsolutePath != path)
        {
            Assert.Fail($"Expected 200 at {origin}{path.TrimStart('/')}, got {(int)response.StatusCode} at {url}:\n{body}\n\n{sandbox.Output}");
        }

        return body;
    }
}
