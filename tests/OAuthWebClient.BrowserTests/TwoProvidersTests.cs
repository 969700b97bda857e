using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using OAuthWebClient.Testing;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// Two named providers side by side: the OpenIddict sandbox (<c>OAuth:Providers:sandbox</c>) and panva's oidc-provider
/// (<c>OAuth:Providers:oidcprovider</c>), each with its own redirect URI (<c>/callback/{name}</c>), and one photos API
/// trusting both (<c>PhotosApi:Authorities</c>).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoProvidersTests(BrowserFixture fixture)
{
    private const string ClientId = "oauth-web-client";

    [BrowserFact]
    public async Task Alice_signs_in_with_each_provider_in_turn_and_sees_her_photos_with_either_providers_tokens()
    {
        await using var servers = await Servers.StartAsync();
        await using var session = await fixture.NewSessionAsync(servers.App);
        var page = session.Page;

        await PageChecks.ExpectAccessibleAsync(session, "/account/login");
        var choices = page.GetByTestId("providers").GetByRole(AriaRole.Link);
        await Expect(choices).ToHaveCountAsync(2);
        await Expect(choices.GetByText("Sign in with Sandbox")).ToBeVisibleAsync();
        await Expect(choices.GetByText("Sign in with oidc-provider")).ToBeVisibleAsync();

        await choices.GetByText("Sign in with Sandbox").ClickAsync();
        await session.LogInAtSandboxAsync("alice", screenshot: null, authServer: servers.Sandbox.Issuer);
        await session.DecideConsentAsync(allow: true, screenshot: null);
        await ExpectPhotosAndIssuerAsync(session, servers.Sandbox.Issuer.AbsoluteUri);
        Assert.Contains(session.Urls, url => url.StartsWith(session.App.Url("/callback/sandbox?"), StringComparison.Ordinal));
        await SignOutAsync(page);

        await session.GotoAsync("/account/login");
        await choices.GetByText("Sign in with oidc-provider").ClickAsync();
        await OidcProviderPages.LogInAsync(page, "alice");
        await page.WaitForURLAsync(url => url.StartsWith(session.App.ClientOrigin.GetLeftPart(UriPartial.Authority) + "/", StringComparison.Ordinal));
        await ExpectPhotosAndIssuerAsync(session, servers.Op.Issuer.AbsoluteUri.TrimEnd('/'));
        Assert.Contains(session.Urls, url => url.StartsWith(session.App.Url("/callback/oidcprovider?"), StringComparison.Ordinal));
        await SignOutAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You are signed out" })).ToBeVisibleAsync();
    }

    /// <summary>Alice's album through the photos API, and the profile naming <paramref name="issuer"/> as the tokens' issuer.</summary>
    private static async Task ExpectPhotosAndIssuerAsync(BrowserSession session, string issuer)
    {
        await session.GotoAsync("/photos");
        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
        Assert.Null(await session.ErrorKindAsync());

        await session.GotoAsync("/profile");
        await Expect(session.Page.GetByTestId("issuer")).ToHaveTextAsync(issuer);
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    /// <summary>The sandbox server and oidc-provider, a photos API trusting both, and the client with both as named providers.</summary>
    private sealed class Servers : IAsyncDisposable
    {
        private Servers(StandaloneAuthServer sandbox, OidcProviderProcess op, StandalonePhotosApi photos, AppHost app) =>
            (Sandbox, Op, Photos, App) = (sandbox, op, photos, app);

        public StandaloneAuthServer Sandbox { get; }

        public OidcProviderProcess Op { get; }

        public StandalonePhotosApi Photos { get; }

        public AppHost App { get; }

        public static async Task<Servers> StartAsync()
        {
            var clientPort = FreePort.Next();
            var client = new Uri($"http://localhost:{clientPort}");
            var photosOrigin = StandalonePhotosApi.NewOrigin();
            // Both servers issue access tokens for the same resource: the API's one audience (RFC 8707, RFC 9068 §4).
            OidcProviderSettings Registration(string provider, string secret) => new()
            {
                ClientId = ClientId,
                ClientSecret = secret,
                RedirectUri = new Uri(client, "/callback/" + provider),
                PostLogoutRedirectUri = new Uri(client, "/account/signed-out"),
                PhotosResource = photosOrigin.AbsoluteUri,
            };
            var sandboxClient = Registration("sandbox", "sandbox-provider-test-secret");
            var opClient = Registration("oidcprovider", "oidc-provider-test-secret");
            var sandbox = await StandaloneAuthServer.StartAsync(sandboxClient);
            var op = await OidcProviderProcess.StartAsync(opClient);
            var photos = await StandalonePhotosApi.StartAsync(photosOrigin, sandbox.Issuer, op.Issuer);
            var settings = new Dictionary<string, string>
            {
                ["Sandbox:Enabled"] = "false",
                ["OAuth:Providers:sandbox:Authority"] = sandbox.Issuer.AbsoluteUri,
                ["OAuth:Providers:sandbox:ClientId"] = ClientId,
                ["OAuth:Providers:sandbox:ClientSecret"] = sandboxClient.ClientSecret,
                ["OAuth:Providers:sandbox:DisplayName"] = "Sandbox",
                ["OAuth:Providers:sandbox:Scope"] = "openid profile offline_access photos",
                ["OAuth:Providers:oidcprovider:Authority"] = op.Issuer.AbsoluteUri.TrimEnd('/'),
                ["OAuth:Providers:oidcprovider:ClientId"] = ClientId,
                ["OAuth:Providers:oidcprovider:ClientSecret"] = opClient.ClientSecret,
                ["OAuth:Providers:oidcprovider:DisplayName"] = "oidc-provider",
                ["OAuth:Providers:oidcprovider:Scope"] = "openid profile offline_access photos",
                ["OAuth:Providers:oidcprovider:Resource:0"] = photosOrigin.AbsoluteUri,
                ["PhotosApi:BaseAddress"] = photosOrigin.AbsoluteUri,
            };
            var app = await AppHost.StartAsync(new AppHostSettings { ClientPort = clientPort, Settings = settings });
            return new Servers(sandbox, op, photos, app);
        }

        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Photos.DisposeAsync();
            await Op.DisposeAsync();
            await Sandbox.DisposeAsync();
        }
    }
}
