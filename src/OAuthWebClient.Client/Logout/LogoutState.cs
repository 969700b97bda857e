using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;


namespace OAuthWebClient.Client.Logout;

/// <summary>
/// The <c>state</c> of RP-initiated logout (RP-Initiated Logout 1.0 §2, §3), bound to this browser: a short-lived
/// cookie, scoped to the signed-out path, holds its fingerprint, and the return is "confirmed" only when the state
/// that comes back matches it. The signed-out page never shows anything from the URL, so a crafted link cannot make
/// it say something else.
/// </summary>
internal sealed class LogoutState(IOptions<OAuthClientOptions> options)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>A new state for the end-session request, remembered in this browser.</summary>
    public string Issue(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var state = RandomValue.Create(16);
        context.Response.Cookies.Append(CookieName(context), RandomValue.Fingerprint(state, 43), CookieOptions(context));
        return state;
    }

    /// <summary>True when <paramref name="state"/> is the one this browser sent; the cookie is used up either way.</summary>
    public bool Confirm(HttpContext context, string? state)
    {
        ArgumentNullException.ThrowIfNull(context);
        var name = CookieName(context);
        if (!context.Request.Cookies.TryGetValue(name, out var expected))
        {
            return false;
        }

        context.Response.Cookies.Delete(name, CookieOptions(context));
        return state is { Length: > 0 and <= 256 } &&
            CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(RandomValue.Fingerprint(state, 43)), Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>Path-scoped, so <c>__Secure-</c> rather than <c>__Host-</c> over https.</summary>
    private string CookieName(HttpContext context) => CookieSecurity.PathScopedName(context, _options, CookieSecurity.LogoutStateCookie);

    private CookieOptions CookieOptions(HttpContext context) =>
        CookieSecurity.PathScoped(context, _options, _options.SignedOutCallbackPath, Lifetime);
}
