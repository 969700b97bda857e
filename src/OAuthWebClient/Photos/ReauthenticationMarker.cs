using OAuthWebClient.Client;
using OAuthWebClient.Web;

namespace OAuthWebClient.Photos;

/// <summary>
/// Remembers, for as long as one sign-in may take (<c>OAuth:TransactionLifetime</c>), that this browser was just sent to
/// sign in again because the photos API refused its tokens: if the API refuses the new session's tokens too, the person
/// gets the explanation instead of another round (no sign-in loop). A cookie, because by then the old session and
/// its tokens are gone; it holds no token and no session id, only the fact.
/// </summary>
internal static class ReauthenticationMarker
{
    internal const string BaseName = "owc.reauth";

    public static bool IsSet(HttpContext context, OAuthClientOptions options) =>
        context.Request.Cookies.ContainsKey(Name(context, options));

    public static void Set(HttpContext context, OAuthClientOptions options) =>
        context.Response.Cookies.Append(Name(context, options), "1", new CookieOptions
        {
            HttpOnly = true,
            // Lax: it must come back with the navigation from the authorization server to the callback and on.
            SameSite = SameSiteMode.Lax,
            Secure = CookieSecurity.IsSecureRequest(context, options),
            Path = "/",
            MaxAge = options.TransactionLifetime,
            IsEssential = true,
        });

    private static string Name(HttpContext context, OAuthClientOptions options) =>
        CookieSecurity.Name(BaseName, CookieSecurity.IsSecureRequest(context, options));
}
