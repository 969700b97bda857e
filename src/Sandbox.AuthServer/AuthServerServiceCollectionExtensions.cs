using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using Sandbox.AuthServer.Authorization;
using Sandbox.AuthServer.BackchannelLogout;
using Sandbox.AuthServer.ClientAuthentication;
using Sandbox.AuthServer.Configuration;
using Sandbox.AuthServer.Data;
using Sandbox.AuthServer.DPoP;
using Sandbox.AuthServer.Users;
using Sandbox.DPoP;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer;

/// <summary>Registers the sandbox authorization server's services.</summary>
internal static class AuthServerServiceCollectionExtensions
{
    /// <summary>Paths of the OpenIddict endpoints, relative to the issuer.</summary>
    public const string AuthorizationPath = "connect/authorize";
    public const string PushedAuthorizationPath = "connect/par";
    public const string TokenPath = "connect/token";
    public const string RevocationPath = "connect/revoke";
    public const string EndSessionPath = "connect/endsession";
    public const string UserInfoPath = "connect/userinfo";

    public static IServiceCollection AddSandboxAuthServer(this IServiceCollection services)
    {
        // Bound lazily from IConfiguration, so sources a caller adds in `configure` count.
        services.AddOptions<AuthServerOptions>().BindConfiguration(AuthServerOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthServerOptions>, AuthServerOptionsValidator>();
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ConfigureOpenIddictServerOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DemoUserStore>();
        services.AddSingleton<ClientAssertionReplayCache>();
        services.AddDPoPProofValidation(provider => provider.GetRequiredService<IOptions<AuthServerOptions>>().Value.DPoP);
        services.AddSingleton<SandboxDatabase>();
        services.AddDbContext<AuthServerDbContext>((provider, options) => options
            .UseSqlite(provider.GetRequiredService<SandboxDatabase>().ConnectionString)
            .UseOpenIddict());
        services.AddHostedService<DatabaseInitializer>();

        // Sandbox: keys for cookies and antiforgery live in memory only; a restart signs everyone out.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddControllersWithViews(options => options.Filters.Add<SecurityHeadersFilter>());
        services.AddAntiforgery(options => options.Cookie.Name = ".Sandbox.AuthServer.Antiforgery");
        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(options =>
        {
            // The AS's own session. Distinct cookie names: cookies ignore ports, and the client may share the host.
            options.Cookie.Name = ".Sandbox.AuthServer.Session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.LoginPath = "/account/login";
            options.ReturnUrlParameter = "returnUrl";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<AuthServerDbContext>())
            .AddServer(ConfigureServer);
        services.AddSandboxBackchannelLogout();
        return services;
    }

    private static void ConfigureServer(OpenIddictServerBuilder options)
    {
        // Issuer, lifetimes and reuse leeway come from AuthServerOptions (ConfigureOpenIddictServerOptions).
        options.SetAuthorizationEndpointUris(AuthorizationPath)
            // RFC 9126: OpenIddict stores the pushed parameters and resolves request_uri at the authorization endpoint.
            .SetPushedAuthorizationEndpointUris(PushedAuthorizationPath)
            .SetTokenEndpointUris(TokenPath)
            .SetRevocationEndpointUris(RevocationPath)
            .SetEndSessionEndpointUris(EndSessionPath)
            .SetUserInfoEndpointUris(UserInfoPath);

        // Rolling refresh tokens (rotation) are OpenIddict's default: every use returns a new one.
        options.AllowAuthorizationCodeFlow().AllowRefreshTokenFlow();
        options.RequireProofKeyForCodeExchange();
        options.RegisterScopes(Scopes.Profile, Scopes.Email, Scopes.OfflineAccess, SandboxScopes.Photos);
        options.RegisterClaims(Claims.Subject, Claims.Name, Claims.Email, SandboxClaims.Roles, Claims.AuthenticationTime);

        // The signing key (AuthServer:SigningAlgorithm, PS256 by default) and the encryption key are added by
        // ConfigureOpenIddictServerOptions: fresh each start (a restart invalidates every token) unless AuthServer:KeysFolder is set.
        // RFC 9068: access tokens are signed JWTs the photos API can validate with the JWKS; not encrypted.
        options.DisableAccessTokenEncryption();
        // Refresh tokens are opaque handles (looked up in the database), as most providers issue them: a few dozen
        // characters instead of a 3 KB encrypted JWT, which keeps clients' token stores small.
        options.UseReferenceRefreshTokens();

        options.AddEventHandler(RejectReplayedClientAssertions.Descriptor);
        options.AddEventHandler(LogRefreshTokenGrants.Descriptor);

        // DPoP (RFC 9449), which OpenIddict does not implement: proofs at the token and UserInfo endpoints, bound tokens.
        options.AddEventHandler(AdvertiseDPoP.Descriptor)
            .AddEventHandler(ValidateTokenRequestProof.Descriptor)
            .AddEventHandler(BindIssuedTokens.Descriptor)
            .AddEventHandler(ApplyTokenResponseDPoP.Descriptor)
            .AddEventHandler(SkipBuiltInProofOfPossession.Descriptor)
            .AddEventHandler(ExtractUserInfoDPoPToken.Descriptor)
            .AddEventHandler(ValidateUserInfoProof.Descriptor)
            .AddEventHandler(ApplyUserInfoDPoPChallenge.Descriptor);

        options.UseAspNetCore()
            .EnableAuthorizationEndpointPassthrough()
            .EnableTokenEndpointPassthrough()
            .EnableEndSessionEndpointPassthrough()
            .EnableUserInfoEndpointPassthrough()
            // The sandbox serves plain http on loopback only; production servers must keep TLS required.
            .DisableTransportSecurityRequirement();
    }
}
