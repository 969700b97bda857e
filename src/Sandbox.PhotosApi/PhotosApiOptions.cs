using Sandbox.DPoP;

namespace Sandbox.PhotosApi;

/// <summary>Settings of the photos resource server, bound from the <c>PhotosApi</c> configuration section.</summary>
public sealed class PhotosApiOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "PhotosApi";

    /// <summary>The authority trusted when neither <see cref="Authority"/> nor <see cref="Authorities"/> is set: the sandbox server.</summary>
    public const string DefaultAuthority = "http://127.0.0.1:5001/";

    /// <summary>
    /// One trusted issuer of access tokens, the same as one entry of <see cref="Authorities"/> (kept for single-authority
    /// setups). Metadata is discovered at <c>{Authority}/.well-known/openid-configuration</c> (OpenID Connect Discovery
    /// 1.0 §4, RFC 8414 §3). Absolute http(s) URI. Default: none (see <see cref="DefaultAuthority"/>).
    /// </summary>
    public string? Authority { get; set; }

    /// <summary>
    /// Every trusted issuer, so photos work whichever provider signed the person in. A token is validated only against
    /// the keys of the authority its <c>iss</c> names. Combined with <see cref="Authority"/>; both empty:
    /// <see cref="DefaultAuthority"/>. Default: empty.
    /// </summary>
    public IList<string> Authorities { get; } = [];

    /// <summary>Value the token's <c>aud</c> claim must contain (RFC 9068 §4), whichever authority issued it. Default <c>photos-api</c>.</summary>
    public string Audience { get; set; } = "photos-api";

    /// <summary>Scope every call needs (RFC 9068 §2.2.3, RFC 6750 §3.1 <c>insufficient_scope</c>). Default <c>photos</c>.</summary>
    public string RequiredScope { get; set; } = "photos";

    /// <summary>
    /// Whether discovery and JWKS must be fetched over https. Default (null): true, except for an http authority on a
    /// loopback host, where the sandbox runs without TLS and the traffic never leaves the machine.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>
    /// How DPoP proofs (RFC 9449 §7) that come with DPoP-bound access tokens are checked (<c>PhotosApi:DPoP</c>), e.g.
    /// <c>PhotosApi:DPoP:RequireNonce</c> (default false). Plain Bearer tokens need no proof.
    /// </summary>
    public DPoPOptions DPoP { get; } = new();

    /// <summary>The trusted authorities: <see cref="Authority"/> (when set), then <see cref="Authorities"/>, or the default.</summary>
    public IReadOnlyList<string> ResolveAuthorities()
    {
        List<string> all = string.IsNullOrWhiteSpace(Authority) ? [] : [Authority];
        all.AddRange(Authorities);
        return all.Count == 0 ? [DefaultAuthority] : all;
    }

    /// <summary>The effective <see cref="RequireHttpsMetadata"/> for <paramref name="authority"/> once the default has been applied.</summary>
    public bool ResolveRequireHttpsMetadata(string authority) =>
        RequireHttpsMetadata ?? !IsLoopbackHttp(authority);

    /// <summary>Whether two authorities name the same issuer (a trailing slash aside).</summary>
    internal static bool SameAuthority(string? left, string? right) =>
        left is not null && right is not null && string.Equals(left.TrimEnd('/'), right.TrimEnd('/'), StringComparison.Ordinal);

    internal static bool IsLoopbackHttp(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.IsLoopback;
}
