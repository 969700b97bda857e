using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// <c>/flow</c> shows the last sign-in step by step, each step linked to its source file and RFC section — and is
/// never a leak: no full code, verifier, state, nonce, token or secret in its HTML; 404 when switched off.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FlowInspectorTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task The_inspector_shows_each_step_of_the_last_sign_in_and_what_followed()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "flow-inspector");
        var page = session.Page;
        await session.GotoAsync("/flow");
        await Expect(page.GetByTestId("flow-empty")).ToBeVisibleAsync();
        await session.ScreenshotAsync("before-sign-in");
        await session.GotoAsync("/");
        await session.SignInAsync("alice", screenshots: false);
        await session.GotoAsync("/photos/lighthouse-in-fog");
        var request = session.AuthorizationRequestParameters;

        await session.Navigation.GetByRole(AriaRole.Link, new() { Name = "Flow inspector" }).ClickAsync();

        await Expect(page).ToHaveTitleAsync("Flow inspector – OAuthWebClient");
        var step1 = page.Locator("#authorization-request");
        await Expect(step1.GetByTestId("code-challenge")).ToHaveTextAsync(request["code_challenge"].ToString());
        await Expect(step1.GetByTestId("computed-challenge")).ToHaveTextAsync(request["code_challenge"].ToString());
        await Expect(step1.GetByTestId("code-verifier")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^[A-Za-z0-9_-]{4}… \(43 characters\)$"));
        var verifier = session.App.Traffic.Verifiers.Single(v => Challenge(v) == request["code_challenge"]);
        await Expect(step1.GetByTestId("code-verifier")).ToHaveTextAsync(verifier[..4] + "… (43 characters)");
        await Expect(step1).ToContainTextAsync("redirect_uri");
        await Expect(step1).ToContainTextAsync(session.App.Url("/callback"));
        var step2 = page.Locator("#callback");
        await Expect(step2).ToContainTextAsync("state passed");
        await Expect(step2).ToContainTextAsync("iss passed");
        await Expect(step2.GetByTestId("callback-outcome")).ToContainTextAsync("Signed in");
        var step3 = page.Locator("#token-request");
        await Expect(step3.GetByTestId("client-authentication")).ToContainTextAsync("client_secret_basic");
        await Expect(step3).ToContainTextAsync("equals step 1's code_challenge");
        var step4 = page.Locator("#token-response");
        await Expect(step4.GetByTestId("token-status")).ToHaveTextAsync("200");
        await Expect(step4).ToContainTextAsync("ID token: claims");
        await Expect(step4).ToContainTextAsync("Access token: claims");
        await Expect(step4).ToContainTextAsync("photos-api"); // the access token's audience (RFC 9068)
        var apiCalls = page.Locator("#since [data-testid=activity] tr[data-kind=ApiCall]");
        await Expect(apiCalls.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex("GET /photos/lighthouse-in-fog(?!/)") }).First).ToBeVisibleAsync();
        await Expect(apiCalls.First).ToContainTextAsync("200");
        await Expect(page.Locator("#authorization-request a[href*='rfc-editor.org/rfc/rfc6749#section-4.1.1']")).ToHaveCountAsync(1);
        await session.ScreenshotAsync("timeline");
        foreach (var step in (string[])["authorization-request", "callback", "token-request", "token-response", "since"])
        {
            await session.Screenshots!.TakeAsync(page.Locator("#" + step), "step-" + step);
        }

        // Every "performed by" link opens that file.
        var links = await page.Locator(".step-footer a[href^='/flow/source/']").EvaluateAllAsync<string[]>("links => [...new Set(links.map(a => a.getAttribute('href')))]");
        Assert.True(links.Length >= 10, $"Expected a link per source file, found {links.Length}.");
        foreach (var link in links)
        {
            var response = await page.APIRequest.GetAsync(session.App.Url(link));
            Assert.Equal(200, response.Status);
            Assert.Contains("namespace OAuthWebClient.", await response.TextAsync(), StringComparison.Ordinal);
        }

        await page.Locator(".step-footer a[href='/flow/source/src/OAuthWebClient.Client/Login/Pkce.cs']").First.ClickAsync();
        await Expect(page.Locator("pre.source")).ToContainTextAsync("ComputeChallenge");
        await session.ScreenshotAsync("source-file");
    }

    [BrowserFact]
    public async Task The_inspector_html_holds_no_full_code_verifier_state_nonce_token_or_secret()
    {
        await using var session = await fixture.NewSessionAsync();
        await session.GotoAsync("/");
        await session.SignInAsync("bob", screenshots: false);
        var authorization = session.AuthorizationRequestParameters;
        var callback = QueryHelpers.ParseQuery(new Uri(session.CallbackUrl!).Query);
        await session.Page.GotoAsync(session.CallbackUrl!); // a revisit is recorded too
        await session.GotoAsync("/photos");

        var response = await session.GotoAsync("/flow");
        var html = await response!.TextAsync();

        string[] browserValues = [authorization["state"].ToString(), authorization["nonce"].ToString(), callback["code"].ToString()];
        Assert.All(browserValues, value => Assert.True(value.Length >= 20, "Expected real values from the sign-in."));
        Assert.Contains(browserValues[0][..4], html, StringComparison.Ordinal); // shown, but only as a prefix
        var traffic = session.App.Traffic;
        foreach (var secret in browserValues.Concat(traffic.Codes).Concat(traffic.BrowserSecrets))
        {
            Assert.True(!html.Contains(secret, StringComparison.Ordinal), $"The inspector shows a full value starting {secret[..6]}.");
        }

        Assert.Contains("characters)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inspector_is_404_when_not_enabled()
    {
        await using var app = await AppHost.StartAsync(new AppHostSettings { Environment = "Production" });
        using var http = new HttpClient();

        foreach (var path in (string[])["/flow", "/flow/source/src/OAuthWebClient.Client/Login/Pkce.cs", "/flow/error-pages", "/flow/error-pages/session-expired"])
        {
            using var response = await http.GetAsync(app.Url(path));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var home = await http.GetStringAsync(app.Url("/"));
        Assert.DoesNotContain("/flow", home, StringComparison.Ordinal);
        Assert.Contains("Sign in", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_inspector_can_be_switched_on_outside_development()
    {
        await using var app = await AppHost.StartAsync(new AppHostSettings
        {
            Environment = "Production",
            Settings = new Dictionary<string, string> { ["FlowInspector:Enabled"] = "true" },
        });
        using var http = new HttpClient();

        using var response = await http.GetAsync(app.Url("/flow"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Flow inspector", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static string Challenge(string verifier) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
