using System.Net.Http.Headers;
using System.Text;
using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using OAuthWebClient.Testing;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// Our client against panva's oidc-provider, an independent authorization server with its DEFAULT refresh-token
/// policy (offline_access only with prompt=consent, OIDC Core §11): sign-in through its own pages, photos with its JWT
/// access tokens (RFC 8707 resource), refresh with rotation, revocation and RP-initiated logout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OidcProviderTests(BrowserFixture fixture)
{
    private const string ClientId = "oauth-web-client";
    private const string ClientSecret = "oidc-provider-test-secret";
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(45);

    [BrowserFact]
    public async Task Alice_signs_in_sees_photos_refreshes_with_rotation_and_signs_out_at_oidc_provider()
    {
        await using var servers = await Servers.StartAsync();
        await using var session = await fixture.NewSessionAsync(servers.App);

        await session.GotoAsync("/photos");
        await OidcProviderPages.LogInAsync(session.Page, "alice");
        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        Assert.DoesNotContain(servers.App.Logs.Entries, e => e.EventId.Id == 2007);
        // oidc-provider offers pushed requests (RFC 9126), so the request — prompt=consent included — went on the back channel.
        Assert.Contains(servers.App.Traffic.Requests, r => r.GetValueOrDefault("prompt") == "consent" && r.ContainsKey("code_challenge"));
        Assert.DoesNotContain(session.Urls, u => u.StartsWith(servers.Op.Issuer.GetLeftPart(UriPartial.Authority) + "/auth?", StringComparison.Ordinal) && u.Contains("code_challenge=", StringComparison.Ordinal));

        // A 62-second access token is due for refresh (60-second window) two seconds after each issue.
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (servers.App.Traffic.Refreshes < 2)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than two refreshes within {GiveUpAfter.TotalSeconds} s. oidc-provider said:\n{servers.Op.Output}");
            await Task.Delay(1000);
            await session.GotoAsync("/photos");
            Assert.Null(await session.ErrorKindAsync());
        }

        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        var used = servers.App.Traffic.Requests.Where(r => r.GetValueOrDefault("grant_type") == "refresh_token").Select(r => r["refresh_token"]).ToList();
        Assert.NotEqual(used[0], used[1]);
        Assert.Equal("invalid_grant", await servers.RefreshDirectlyAsync(used[0]));

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signed-out"));
        Assert.Contains("op: POST /token/revocation 200", servers.Op.Output, StringComparison.Ordinal);

        await session.GotoAsync("/photos");
        await Expect(session.Page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    [BrowserFact]
    public async Task With_OfflineAccessPrompt_Never_oidc_provider_issues_no_refresh_token_and_the_client_says_so()
    {
        await using var servers = await Servers.StartAsync(new Dictionary<string, string> { ["OAuth:OfflineAccessPrompt"] = "Never" });
        await using var session = await fixture.NewSessionAsync(servers.App);

        await session.GotoAsync("/photos");
        await OidcProviderPages.LogInAsync(session.Page, "alice");

        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        // The request was pushed (oidc-provider offers PAR): no prompt in what was pushed.
        var pushed = servers.App.Traffic.Requests.Last(r => r.ContainsKey("code_challenge"));
        Assert.False(pushed.ContainsKey("prompt"), "OfflineAccessPrompt=Never must send no prompt.");
        var warning = Assert.Single(servers.App.Logs.Entries, e => e.EventId.Id == 2007);
        Assert.Contains("OIDC Core §11", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Never", warning.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The decisive test for <c>OAuth:EndSessionMethod</c>. oidc-provider's <c>_session</c> cookie is <c>SameSite=Lax</c>
    /// (its default), and it runs on <c>127.0.0.1</c> while the client runs on <c>localhost</c>: two sites, as in
    /// production (two ports of one host would be one site and carry the cookie). After logout the OLD session cookie is
    /// put back: only a session the server really ended makes it ask for the password again — a browser that merely got
    /// a new cookie would not show that.
    /// </summary>
    [BrowserFact]
    public async Task By_GET_logout_ends_oidc_providers_session()
    {
        await using var servers = await Servers.StartAsync(new Dictionary<string, string> { ["OAuth:EndSessionMethod"] = "Get" });
        await using var session = await fixture.NewSessionAsync(servers.App);
        var before = await SignInAndKeepSessionCookiesAsync(session, servers);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/signed-out"));

        await session.Context.AddCookiesAsync(before);
        await session.GotoAsync("/photos");
        await Expect(session.Page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    /// <summary>
    /// Why POST is not the default: oidc-provider (9.x) does not even route POST at its end_session_endpoint unless
    /// <c>enableHttpPostMethods</c> is set, which it refuses to set without <c>cookies.long.sameSite: 'none'</c> — a
    /// cross-site POST carries no Lax cookie, so it could not find the session. The browser is left on its 404 page, and
    /// the session stays open: the next sign-in goes straight to consent (prompt=consent comes with offline_access).
    /// </summary>
    [BrowserFact]
    public async Task By_POST_oidc_provider_with_its_default_Lax_cookie_refuses_the_logout_and_its_session_stays_open()
    {
        await using var servers = await Servers.StartAsync(new Dictionary<string, string> { ["OAuth:EndSessionMethod"] = "Post" });
        await using var session = await fixture.NewSessionAsync(servers.App);
        await SignInAndKeepSessionCookiesAsync(session, servers);

        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(session.Page).ToHaveURLAsync(servers.Op.Issuer.GetLeftPart(UriPartial.Authority) + "/session/end");
        await Expect(session.Page.GetByText("Not Found")).ToBeVisibleAsync();
        Assert.DoesNotContain(session.Urls, u => u.Contains("id_token_hint", StringComparison.Ordinal));

        await session.GotoAsync("/photos");
        await Expect(session.Page.GetByRole(AriaRole.Button, new() { Name = "Continue" })).ToBeVisibleAsync();
        Assert.Equal(0, await session.Page.Locator("input[name=login]").CountAsync());
    }

    private static async Task<IEnumerable<Cookie>> SignInAndKeepSessionCookiesAsync(BrowserSession session, Servers servers)
    {
        await session.GotoAsync("/photos");
        await OidcProviderPages.LogInAsync(session.Page, "alice");
        await session.ExpectSignedInAsync("Alice");
        var cookies = await session.Context.CookiesAsync([servers.Op.Issuer.AbsoluteUri]);
        var kept = cookies.Where(c => c.Name.StartsWith("_session", StringComparison.Ordinal)).Select(c => new Cookie
        {
            Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
        }).ToList();
        Assert.Contains(kept, c => c.Name == "_session" && c.SameSite == SameSiteAttribute.Lax);
        return kept;
    }

    /// <summary>oidc-provider, a photos API trusting it, and the client app configured with it as <c>OAuth:Authority</c>.</summary>
    private sealed class Servers : IAsyncDisposable
    {
        private Servers(OidcProviderProcess op, StandalonePhotosApi photos, AppHost app) => (Op, Photos, App) = (op, photos, app);

        public OidcProviderProcess Op { get; }

        public StandalonePhotosApi Photos { get; }

        public AppHost App { get; }

        public static async Task<Servers> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
        {
            var clientPort = FreePort.Next();
            var client = new Uri($"http://localhost:{clientPort}");
            var photosOrigin = StandalonePhotosApi.NewOrigin();
            var op = await OidcProviderProcess.StartAsync(new OidcProviderSettings
            {
                ClientId = ClientId,
                ClientSecret = ClientSecret,
                RedirectUri = new Uri(client, "/callback"),
                PostLogoutRedirectUri = new Uri(client, "/account/signed-out"),
                PhotosResource = photosOrigin.AbsoluteUri,
                AccessTokenLifetime = TimeSpan.FromSeconds(62),
            });
            var photos = await StandalonePhotosApi.StartAsync(photosOrigin, op.Issuer);
            var all = new Dictionary<string, string>
            {
                ["Sandbox:Enabled"] = "false",
                ["OAuth:Authority"] = op.Issuer.AbsoluteUri.TrimEnd('/'),
                ["OAuth:ClientId"] = ClientId,
                ["OAuth:ClientSecret"] = ClientSecret,
                ["OAuth:Resource:0"] = photosOrigin.AbsoluteUri,
                ["PhotosApi:BaseAddress"] = photosOrigin.AbsoluteUri,
            };
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                all[key] = value;
            }

            var app = await AppHost.StartAsync(new AppHostSettings { ClientPort = clientPort, Settings = all });
            return new Servers(op, photos, app);
        }

        /// <summary>A refresh at oidc-provider's token endpoint outside the client; the error code, or null on success.</summary>
        public async Task<string?> RefreshDirectlyAsync(string refreshToken)
        {
            using var http = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(Op.Issuer, "/token"))
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}")));
            using var response = await http.SendAsync(request);
            using var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return body.RootElement.TryGetProperty("error", out var error) ? error.GetString() : null;
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Photos.DisposeAsync();
            await Op.DisposeAsync();
        }
    }
}
