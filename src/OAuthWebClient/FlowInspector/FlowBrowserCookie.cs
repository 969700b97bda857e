using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Web;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// The inspector's own cookie: a random id naming this browser's timeline — no token, no session id. HttpOnly and
/// SameSite=Lax, so it accompanies the cross-site callback navigation like the transaction cookie does.
/// </summary>
public sealed class FlowBrowserCookie(IOptions<OAuthClientOptions> options)
{
    internal const string BaseName = "oauthwebclient.flow";
    private const string ItemKey = "OAuthWebClient.FlowInspector.BrowserId";
    private const int IdLength = 22; // 16 random bytes, base64url

    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>This browser's id, or null when it has none (yet) or sent something that is not one of ours.</summary>
    public string? Find(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Items.TryGetValue(ItemKey, out var item) && item is string id)
        {
            return id;
        }

        var value = context.Request.Cookies[CookieName(context)];
        return IsWellFormed(value) ? value : null;
    }

    /// <summary>This browser's id; a new one (and its cookie) when it has none.</summary>
    public string GetOrCreate(HttpContext context)
    {
        if (Find(context) is { } existing)
        {
            return existing;
        }

        var id = System.Buffers.Text.Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
        context.Items[ItemKey] = id;
        var secure = CookieSecurity.IsSecureRequest(context, _options);
        context.Response.Cookies.Append(CookieName(context), id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = secure,
            Path = "/",
            IsEssential = true,
        });
        return id;
    }

    private string CookieName(HttpContext context) => CookieSecurity.Name(BaseName, CookieSecurity.IsSecureRequest(context, _options));

    private static bool IsWellFormed(string? value) =>
        value is { Length: IdLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
