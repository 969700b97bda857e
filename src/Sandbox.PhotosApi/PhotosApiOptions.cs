namespace Sandbox.PhotosApi;

/// <summary>Settings of the photos resource server, bound from the <c>PhotosApi</c> configuration section.</summary>
public sealed class PhotosApiOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "PhotosApi";

    /// <summary>
    /// Issuer of the access tokens; metadata is discovered at <c>{Authority}/.well-known/openid-configuration</c>
    /// (OpenID Connect Discovery 1.0 §4, RFC 8414 §3). Absolute http(s) URI. Default <c>http://127.0.0.1:5001/</c> (the sandbox server).
    /// </summary>
    public string Authority { get; set; } = "http://127.0.0.1:5001/";

    /// <summary>Value the token's <c>aud</c> claim must contain (RFC 9068 §4). Default <c>photos-api</c>.</summary>
    public string Audience { get; set; } = "photos-api";

    /// <summary>Scope every call needs (RFC 9068 §2.2.3, RFC 6750 §3.1 <c>insufficient_scope</c>). Default <c>photos</c>.</summary>
    public string RequiredScope { get; set; } = "photos";

    /// <summary>
    /// Whether discovery and JWKS must be fetched over https. Default (null): true, except for an http authority on a
    /// loopback host, where the sandbox runs without TLS and the traffic never leaves the machine.
    /// </summary>
    public bool? RequireHttpsMetadata { get; set; }

    /// <summary>The effective <see cref="RequireHttpsMetadata"/> once the default has been applied.</summary>
    public bool ResolveRequireHttpsMetadata() =>
        RequireHttpsMetadata ?? !IsLoopbackHttp(Authority);

    internal static bool IsLoopbackHttp(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri)
        && uri.Scheme == Uri.UriSchemeHttp
        && uri.IsLoopback;
}
