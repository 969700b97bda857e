using Sandbox.DPoP;

namespace Sandbox.AuthServer.Configuration;

/// <summary>Settings of the sandbox authorization server, bound from the <c>AuthServer</c> section.</summary>
public sealed class AuthServerOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "AuthServer";

    /// <summary>
    /// Issuer identifier (RFC 8414 §2, OIDC Discovery §3): absolute, no query or fragment.
    /// Fixed here rather than derived from the request Host header. Default <c>http://127.0.0.1:5001/</c>.
    /// </summary>
    public Uri? Issuer { get; set; } = new("http://127.0.0.1:5001/");

    /// <summary>Lifetime of access tokens. Default 5 minutes (use e.g. 30 s to watch refreshes happen).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Lifetime of refresh tokens. Default 14 days.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// How long a redeemed (rotated) refresh token may still be used, for concurrent refreshes.
    /// After it, reuse revokes the whole token family (OAuth 2.0 Security BCP, RFC 9700 §4.14.2). Default zero.
    /// </summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>The <c>aud</c> of issued access tokens (RFC 9068 §3). Default <c>photos-api</c>.</summary>
    public string PhotosApiAudience { get; set; } = "photos-api";

    /// <summary>
    /// Whether every client must use pushed authorization requests (RFC 9126 §5, discovery
    /// <c>require_pushed_authorization_requests</c>). A client can also require it alone
    /// (<see cref="ClientRegistration.RequirePushedAuthorizationRequests"/>). Default false.
    /// </summary>
    public bool RequirePushedAuthorizationRequests { get; set; }

    /// <summary>
    /// The JWS algorithm of ID tokens and access tokens, signed with a fresh key each start:
    /// <c>PS256</c> or <c>ES256</c> (FAPI 2.0 Security Profile §5.4), or <c>RS256</c> for old clients. Default <c>PS256</c>.
    /// </summary>
    public string SigningAlgorithm { get; set; } = SigningKeys.PS256;

    /// <summary>DPoP (RFC 9449) proof checks at the token and UserInfo endpoints (<c>AuthServer:DPoP</c>).</summary>
    public DPoPOptions DPoP { get; } = new();

    /// <summary>
    /// Folder for the signing and encryption keys (PKCS#8 PEM files, written on first start, then read), so a restart keeps
    /// issued tokens valid — with a file <see cref="ConnectionString"/>, also the refresh tokens. Default (null): fresh
    /// keys in memory each start.
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>
    /// SQLite connection string. Default (null): a private in-memory database that lives as long as the app.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Client applications registered at startup. Default: none (appsettings.json registers one).</summary>
    public IList<ClientRegistration> Clients { get; } = [];
}
