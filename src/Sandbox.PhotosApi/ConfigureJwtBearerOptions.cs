using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Sandbox.PhotosApi;

/// <summary>
/// Configures the bearer scheme of each trusted authority (<see cref="AuthoritySchemes"/>) from
/// <see cref="PhotosApiOptions"/> when the options are first needed, so configuration a host adds after
/// <see cref="PhotosApiApp.Build"/> registered the services is honoured.
/// </summary>
internal sealed class ConfigureJwtBearerOptions(IOptions<PhotosApiOptions> apiOptions) : IConfigureNamedOptions<JwtBearerOptions>
{
    // RFC 9068 §2.1 and §4: access tokens carry typ "at+jwt" (the media type may be spelt in full);
    // "JWT" is accepted too because common servers (Entra ID, Keycloak) still send it.
    internal static readonly string[] AcceptedTokenTypes = ["at+jwt", "application/at+jwt", "JWT"];

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var api = apiOptions.Value;
        var authorities = api.ResolveAuthorities();
        var index = AuthoritySchemes.IndexOf(name);
        if (index < 0 || index >= authorities.Count)
        {
            return;
        }

        var authority = authorities[index];
        // The handler takes the valid issuer and the signing keys from this authority's metadata only: iss must equal
        // its "issuer" exactly, and no other authority's key is ever tried.
        options.Authority = authority;
        options.Audience = api.Audience;
        options.MetadataAddress = authority.TrimEnd('/') + "/.well-known/openid-configuration";
        // Default true; false only for an http authority on loopback (the sandbox has no TLS, and the metadata never leaves the machine).
        options.RequireHttpsMetadata = api.ResolveRequireHttpsMetadata(authority);
        // Keep the token's claim names ("sub" stays "sub", "scope" stays "scope").
        options.MapInboundClaims = false;
        // RFC 6750 §3.1: error="invalid_token" on a rejected token (never when no token was sent).
        options.IncludeErrorDetails = true;
        options.SaveToken = false;

        var validation = options.TokenValidationParameters;
        validation.ValidAudience = api.Audience;
        validation.ValidTypes = AcceptedTokenTypes;
        validation.NameClaimType = "sub";
        validation.RequireExpirationTime = true;
        validation.RequireSignedTokens = true;

        // Discovery and JWKS go through the handler's back-channel, resolved at first use: a host or a test may
        // configure or post-configure BackchannelHttpHandler (or Backchannel) after this runs, in any order.
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.MetadataAddress,
            new OpenIdConnectConfigurationRetriever(),
            new DeferredBackchannelRetriever(options))
        {
            RefreshInterval = options.RefreshInterval,
            AutomaticRefreshInterval = options.AutomaticRefreshInterval,
        };

        options.Events = new JwtBearerEvents
        {
            OnMessageReceived = DPoPResourceEvents.MessageReceived,
            OnTokenValidated = BearerEvents.TokenValidated,
            OnAuthenticationFailed = BearerEvents.AuthenticationFailed,
            OnChallenge = DPoPResourceEvents.Challenge,
        };
    }
}
