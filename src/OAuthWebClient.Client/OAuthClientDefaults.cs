namespace OAuthWebClient.Client;

/// <summary>Names the client registers under.</summary>
public static class OAuthClientDefaults
{
    /// <summary>The configuration section bound to <see cref="OAuthClientOptions"/>.</summary>
    public const string SectionName = "OAuth";

    /// <summary>The name of the provider the single <c>OAuth</c> section describes when no <c>OAuth:Providers</c> are set.</summary>
    public const string DefaultProvider = "default";

    /// <summary>
    /// The cookie authentication scheme of the session. The cookie holds an opaque session id and a display name — no
    /// token (RFC 9700 §4.14); the tokens stay server-side in the <see cref="ITokenStore"/> under that id. Named
    /// apart from ASP.NET Core's default <c>"Cookies"</c>, so an app's own <c>AddCookie()</c> does not clash with it.
    /// </summary>
    public const string SessionScheme = "OAuthWebClient";
}
