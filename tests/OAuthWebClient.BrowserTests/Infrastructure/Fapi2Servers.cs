using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>
/// A FAPI 2.0 set-up from configuration only: an authorization server — the OpenIddict sandbox or oidc-provider — with
/// our client registered by its public EC key (private_key_jwt), pushed requests required and a back-channel logout URI;
/// a photos API trusting it; and the client app with <c>OAuth:Profile=Fapi2</c> and the private key as a PEM file. Access
/// tokens live 62 seconds, so with the 60-second refresh window a refresh is due two seconds after each issue.
/// </summary>
public sealed class Fapi2Servers : IAsyncDisposable
{
    public const string ClientId = "fapi-web-client";

    private readonly TestKeyFiles _keys;

    private Fapi2Servers(TestKeyFiles keys, ECDsa clientKey, StandaloneAuthServer? sandbox, OidcProviderProcess? op, StandalonePhotosApi photos, AppHost app)
    {
        (_keys, ClientKey, Sandbox, Op, Photos, App) = (keys, clientKey, sandbox, op, photos, app);
    }

    /// <summary>The client's assertion signing key (its public part is registered at the server).</summary>
    public ECDsa ClientKey { get; }

    /// <summary>The sandbox, when started by <see cref="WithSandboxAsync"/>.</summary>
    public StandaloneAuthServer? Sandbox { get; }

    /// <summary>oidc-provider, when started by <see cref="WithOidcProviderAsync"/>.</summary>
    public OidcProviderProcess? Op { get; }

    public StandalonePhotosApi Photos { get; }

    public AppHost App { get; }

    /// <summary>The issuer as the client is configured with it (and as it appears in <c>aud</c> of the assertions).</summary>
    public string Issuer => Sandbox?.Issuer.AbsoluteUri ?? Op!.Issuer.AbsoluteUri.TrimEnd('/');

    /// <summary>The authorization endpoint the browser is sent to.</summary>
    public string AuthorizationEndpoint => Sandbox is not null ? new Uri(Sandbox.Issuer, "/connect/authorize").AbsoluteUri : new Uri(Op!.Issuer, "/auth").AbsoluteUri;

    public static Task<Fapi2Servers> WithSandboxAsync() => StartAsync(oidcProvider: false);

    public static Task<Fapi2Servers> WithOidcProviderAsync() => StartAsync(oidcProvider: true);

    private static async Task<Fapi2Servers> StartAsync(bool oidcProvider)
    {
        var keys = new TestKeyFiles();
        var (keyFile, clientKey) = keys.EcKey();
        var clientPort = FreePort.Next();
        var client = new Uri($"http://localhost:{clientPort}");
        var photosOrigin = StandalonePhotosApi.NewOrigin();
        var registration = new OidcProviderSettings
        {
            ClientId = ClientId,
            ClientSecret = "", // none: the client authenticates with private_key_jwt only
            ClientJwks = PublicJwks(clientKey),
            RedirectUri = new Uri(client, "/callback"),
            PostLogoutRedirectUri = new Uri(client, "/account/signed-out"),
            BackchannelLogoutUri = new Uri(client, "/backchannel-logout"),
            PhotosResource = photosOrigin.AbsoluteUri,
            AccessTokenLifetime = TimeSpan.FromSeconds(62),
            RequirePushedAuthorizationRequests = true,
            Fapi2 = true,
        };
        var sandbox = oidcProvider ? null : await StandaloneAuthServer.StartAsync(registration);
        var op = oidcProvider ? await OidcProviderProcess.StartAsync(registration) : null;
        var issuer = sandbox?.Issuer ?? op!.Issuer;
        var photos = await StandalonePhotosApi.StartAsync(photosOrigin, issuer);
        var settings = new Dictionary<string, string>
        {
            ["Sandbox:Enabled"] = "false",
            ["OAuth:Authority"] = sandbox?.Issuer.AbsoluteUri ?? op!.Issuer.AbsoluteUri.TrimEnd('/'),
            ["OAuth:ClientId"] = ClientId,
            ["OAuth:ClientSecret"] = "",
            ["OAuth:Profile"] = "Fapi2",
            ["OAuth:ClientAuthentication"] = "PrivateKeyJwt",
            ["OAuth:ClientAssertion:KeyFile"] = keyFile,
            ["PhotosApi:BaseAddress"] = photosOrigin.AbsoluteUri,
        };
        if (oidcProvider)
        {
            // oidc-provider issues JWT access tokens only for a resource indicator (RFC 8707).
            settings["OAuth:Resource:0"] = photosOrigin.AbsoluteUri;
        }

        var app = await AppHost.StartAsync(new AppHostSettings { ClientPort = clientPort, Settings = settings });
        return new Fapi2Servers(keys, clientKey, sandbox, op, photos, app);
    }

    /// <summary>The key's public part as a JWK Set (RFC 7517 §5), its <c>kid</c> the RFC 7638 thumbprint the client names it by.</summary>
    private static string PublicJwks(ECDsa key)
    {
        using var publicPart = ECDsa.Create(key.ExportParameters(includePrivateParameters: false));
        var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(new ECDsaSecurityKey(publicPart));
        var members = new Dictionary<string, string> { ["kty"] = jwk.Kty, ["crv"] = jwk.Crv, ["x"] = jwk.X, ["y"] = jwk.Y };
        members["kid"] = Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint());
        return JsonSerializer.Serialize(new { keys = new[] { members } });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Photos.DisposeAsync();
        if (Op is not null)
        {
            await Op.DisposeAsync();
        }

        if (Sandbox is not null)
        {
            await Sandbox.DisposeAsync();
        }

        ClientKey.Dispose();
        _keys.Dispose();
    }
}
