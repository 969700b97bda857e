using Microsoft.Extensions.Options;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Sandbox.AuthServer.Configuration;

/// <summary>
/// Applies the configuration-dependent OpenIddict settings lazily, from <see cref="AuthServerOptions"/>,
/// so configuration added by an embedding host after the defaults is honoured.
/// </summary>
internal sealed class ConfigureOpenIddictServerOptions(IOptions<AuthServerOptions> settings)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var value = settings.Value;

        // Fixed issuer: never derived from the request's Host header (RFC 8414 §3.3, RFC 9207 §2.4).
        options.Issuer = value.Issuer;
        options.AccessTokenLifetime = value.AccessTokenLifetime;
        options.RefreshTokenLifetime = value.RefreshTokenLifetime;
        options.RefreshTokenReuseLeeway = value.RefreshTokenReuseLeeway;
        // RFC 9126 §5: every authorization request must then come through the pushed authorization endpoint.
        options.RequirePushedAuthorizationRequests = value.RequirePushedAuthorizationRequests;
        options.SigningCredentials.Add(SigningKeys.Signing(value.SigningAlgorithm, value.KeysFolder));
        options.EncryptionCredentials.Add(SigningKeys.Encryption(value.KeysFolder));

        // RFC 9700 §2.1.1 / RFC 7636 §7.2: only S256; "plain" offers no protection if the request leaks.
        options.CodeChallengeMethods.Remove(CodeChallengeMethods.Plain);
    }
}
