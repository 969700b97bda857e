using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.AuthServer.BackchannelLogout;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>Hosts the sandbox authorization server on TestServer with known, test-only settings.</summary>
public sealed class AuthServerFactory : WebApplicationFactory<AuthServerApp>
{
    public const string Issuer = "http://127.0.0.1:5001/";
    public const string ClientId = "oauth-web-client";
    public const string ClientSecret = "sandbox-client-secret";
    public const string RedirectUri = "http://localhost:5000/callback";
    public const string PostLogoutRedirectUri = "http://localhost:5000/account/signed-out";
    public const string BackchannelLogoutUri = "http://localhost:5000/backchannel-logout";
    public const string MinimalSampleBackchannelLogoutUri = "http://localhost:5003/backchannel-logout";
    public const string MarkupClientId = "markup-client";
    public const string MarkupDisplayName = "<script>alert(1)</script> & Co";
    public const string JwtClientId = "jwt-client";
    public const string ParClientId = "par-client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("AuthServer:Issuer", Issuer);
        builder.UseSetting("AuthServer:AccessTokenLifetime", "00:00:30");
        builder.UseSetting("AuthServer:RefreshTokenReuseLeeway", "00:00:00");
        builder.UseSetting("AuthServer:PhotosApiAudience", "photos-api");
        builder.UseSetting("AuthServer:Clients:0:ClientId", ClientId);
        builder.UseSetting("AuthServer:Clients:0:ClientSecret", ClientSecret);
        builder.UseSetting("AuthServer:Clients:0:DisplayName", "OAuthWebClient");
        builder.UseSetting("AuthServer:Clients:0:RedirectUris:0", RedirectUri);
        builder.UseSetting("AuthServer:Clients:0:PostLogoutRedirectUris:0", PostLogoutRedirectUri);
        builder.UseSetting("AuthServer:Clients:0:BackchannelLogoutUri", BackchannelLogoutUri);
        // Clients:1 stays as appsettings.json registers it (minimal-sample, the samples/MinimalApi client).
        builder.UseSetting("AuthServer:Clients:2:ClientId", MarkupClientId);
        builder.UseSetting("AuthServer:Clients:2:ClientSecret", "markup-secret");
        builder.UseSetting("AuthServer:Clients:2:DisplayName", MarkupDisplayName);
        builder.UseSetting("AuthServer:Clients:2:RedirectUris:0", "http://localhost:5002/callback");
        // private_key_jwt (RFC 7523 §2.2): no secret, the public keys of ClientKeys.
        builder.UseSetting("AuthServer:Clients:3:ClientId", JwtClientId);
        builder.UseSetting("AuthServer:Clients:3:Jwks", ClientKeys.PublicJwks());
        builder.UseSetting("AuthServer:Clients:3:RedirectUris:0", RedirectUri);
        // RFC 9126 §6: this client must push its authorization requests.
        builder.UseSetting("AuthServer:Clients:4:ClientId", ParClientId);
        builder.UseSetting("AuthServer:Clients:4:ClientSecret", ClientSecret);
        builder.UseSetting("AuthServer:Clients:4:RequirePushedAuthorizationRequests", "true");
        builder.UseSetting("AuthServer:Clients:4:RedirectUris:0", RedirectUri);
        // Logout tokens reach the receiver, never a real port.
        builder.ConfigureTestServices(services => services.AddHttpClient(BackchannelLogoutSender.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(LogoutTokens.CreateHandler));
    }

    /// <summary>What the clients' back-channel logout URIs received.</summary>
    public LogoutTokenReceiver LogoutTokens { get; } = new();

    /// <summary>A client that keeps cookies and does not follow redirects, like a browser seen step by step.</summary>
    public HttpClient CreateBrowser() => CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        HandleCookies = true,
        BaseAddress = new Uri(Issuer),
    });
}
