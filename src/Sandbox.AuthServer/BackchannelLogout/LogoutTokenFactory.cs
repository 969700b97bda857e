using System.Security.Cryptography;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace Sandbox.AuthServer.BackchannelLogout;

/// <summary>
/// Logout tokens (Back-Channel Logout 1.0 §2.4): signed with OpenIddict's current signing key (the one the JWKS publishes,
/// as for ID tokens), typed <c>logout+jwt</c>, with iss, aud, iat, exp (2 minutes), a fresh jti, sub, sid and the logout
/// event — and no nonce.
/// </summary>
public sealed class LogoutTokenFactory(IOptionsMonitor<OpenIddictServerOptions> server, TimeProvider timeProvider)
{
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string Create(string clientId, string subject, string sid)
    {
        var options = server.CurrentValue;
        var now = timeProvider.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "logout+jwt",
            Issuer = options.Issuer!.AbsoluteUri,
            Audience = clientId,
            IssuedAt = now,
            Expires = now + Lifetime,
            SigningCredentials = options.SigningCredentials[0],
            Claims = new Dictionary<string, object>
            {
                ["jti"] = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(16)),
                ["sub"] = subject,
                ["sid"] = sid,
                ["events"] = new Dictionary<string, object> { [LogoutEvent] = new Dictionary<string, object>() },
            },
        });
    }
}
