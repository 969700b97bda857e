using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Net.Http.Headers;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Login;

/// <summary>
/// A browser stand-in for <see cref="TransactionCookies"/>: writes on one request, reads the Set-Cookie header back,
/// and replays cookies on the next request as a Cookie header.
/// </summary>
internal sealed class TransactionCookieJar
{
    public TransactionCookieJar(IDataProtectionProvider? provider = null, FakeTimeProvider? time = null, Uri? publicOrigin = null)
    {
        Options.PublicOrigin = publicOrigin;
        Time = time ?? new FakeTimeProvider(TestOptions.Start);
        Cookies = new TransactionCookies(provider ?? new EphemeralDataProtectionProvider(), Time, Microsoft.Extensions.Options.Options.Create(Options));
    }

    public OAuthClientOptions Options { get; } = new() { ClientId = "c", CallbackPath = "/signin/callback" };

    public FakeTimeProvider Time { get; }

    public TransactionCookies Cookies { get; }

    public AuthorizationTransaction NewTransaction(string? state = null) => new()
    {
        State = state ?? RandomValue.Create(),
        CodeVerifier = Pkce.CreateVerifier(),
        Nonce = RandomValue.Create(),
        ReturnUrl = "/photos",
        Issuer = TestOptions.Issuer,
        RedirectUri = "https://app.example/signin/callback",
        Scope = "openid photos",
        Provider = "default",
        Created = Time.GetUtcNow(),
    };

    public static DefaultHttpContext Request(bool https, IEnumerable<KeyValuePair<string, string>>? cookies = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = https ? "https" : "http";
        context.Request.Host = new HostString("app.example");
        context.Request.Path = "/signin/callback";
        if (cookies is not null)
        {
            context.Request.Headers.Cookie = string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
        }

        return context;
    }

    public static IList<SetCookieHeaderValue> SetCookies(HttpContext context) =>
        SetCookieHeaderValue.ParseList(context.Response.Headers.SetCookie.ToArray()!);

    /// <summary>Writes one transaction on a fresh request and returns the single cookie the browser would keep.</summary>
    public SetCookieHeaderValue Write(AuthorizationTransaction transaction, bool https = true, IEnumerable<KeyValuePair<string, string>>? existing = null)
    {
        var context = Request(https, existing);
        Cookies.Write(context, transaction);
        return SetCookies(context).Single(c => c.Value.Length > 0);
    }

    public TransactionReadResult Read(string state, bool https, params KeyValuePair<string, string>[] cookies) =>
        Cookies.Read(Request(https, cookies), state);

    public static KeyValuePair<string, string> Pair(SetCookieHeaderValue cookie) => new(cookie.Name.Value!, cookie.Value.Value!);
}
