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
        Assert.Contains("prompt=consent", session.Urls.First(u => u.StartsWith(servers.Op.Issuer.GetLeftPart(UriPartial.Authority) + "/auth?", StringComparison.Ordinal)), StringComparison.Ordinal);

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
        Assert.DoesNotContain("prompt=", session.Urls.First(u => u.StartsWith(servers.Op.Issuer.GetLeftPart(UriPartial.Authority) + "/auth?", StringComparison.Ordinal)), StringComparison.Ordinal);
        var warning = Assert.Single(servers.App.Logs.Entries, e => e.EventId.Id == 2007);
        Assert.Contains("OIDC Core §11", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Never", warning.Message, StringComparison.Ordinal);
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
