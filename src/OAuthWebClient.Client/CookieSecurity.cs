
namespace OAuthWebClient.Client;

/// <summary>
/// Cookie names and the Secure flag. Served over HTTPS (<c>OAuth:PublicOrigin</c> is https, or the app listens on
/// https), site-wide cookies take the <c>__Host-</c> prefix — Secure, path "/", no Domain, so neither a sibling
/// subdomain nor an http page can plant or overwrite them (RFC 6265bis §4.1.3.2).
/// </summary>
public static class CookieSecurity
{
    /// <summary>Short names: every byte is sent with every request (all cookies after sign-in stay under 600 bytes).</summary>
    public const string SessionCookie = "owc.session";

    /// <summary>The antiforgery cookie's base name, for an app that configures antiforgery with these rules.</summary>
    public const string AntiforgeryCookie = "owc.csrf";

    /// <summary>The RP-initiated logout's state fingerprint, only on its way to the server and back (path-scoped).</summary>
    public const string LogoutStateCookie = "owc.logout";

    /// <summary>True when <c>OAuth:PublicOrigin</c> is https or the app listens on https: site-wide cookies then take <c>__Host-</c>.</summary>
    public static bool ServedOverHttps(IConfiguration configuration, OAuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        return options.PublicOrigin?.Scheme == Uri.UriSchemeHttps ||
            (configuration["urls"] ?? "").Split(';').Any(url => url.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A site-wide cookie's name: <c>__Host-</c> in front over https.</summary>
    public static string Name(string name, bool https) => https ? "__Host-" + name : name;

    /// <summary>Path-scoped cookies (the sign-in transaction) cannot be <c>__Host-</c>; <c>__Secure-</c> is the most they can be.</summary>
    public static bool IsSecureRequest(HttpContext context, OAuthClientOptions options) =>
        context.Request.IsHttps || options.PublicOrigin?.Scheme == Uri.UriSchemeHttps;

    /// <summary>A path-scoped cookie's name: <c>__Secure-</c> in front over https.</summary>
    public static string PathScopedName(HttpContext context, OAuthClientOptions options, string name) =>
        (IsSecureRequest(context, options) ? "__Secure-" : "") + name;

    /// <summary>
    /// A short-lived HttpOnly cookie for one local path under the PathBase (the callback, the signed-out page). Lax: the
    /// authorization server sends the browser back with a top-level cross-site GET, which Lax cookies accompany.
    /// </summary>
    public static CookieOptions PathScoped(HttpContext context, OAuthClientOptions options, string path, TimeSpan maxAge)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = IsSecureRequest(context, options),
            Path = context.Request.PathBase + path,
            MaxAge = maxAge,
            IsEssential = true,
        };
    }
}
