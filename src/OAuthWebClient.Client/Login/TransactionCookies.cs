using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Login;

/// <summary>
/// One encrypted, HttpOnly cookie per sign-in in progress, scoped to the callback path, so two tabs can sign
/// in at once. Its name carries a fingerprint of the state (never the state itself) so the callback finds it.
/// </summary>
internal sealed class TransactionCookies(
    IDataProtectionProvider dataProtection,
    TimeProvider timeProvider,
    IOptions<OAuthClientOptions> options)
{
    internal const string NamePrefix = "oauth.tx.";

    /// <summary>Beyond this many sign-ins in progress, older ones are dropped to keep the Cookie header small.</summary>
    internal const int MaxConcurrent = 5;

    private const string Purpose = "OAuthWebClient.Login.AuthorizationTransaction.v1";
    private readonly IDataProtector _protector = dataProtection.CreateProtector(Purpose);
    private readonly OAuthClientOptions _options = options.Value;

    public void Write(HttpContext context, AuthorizationTransaction transaction)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(transaction);
        var existing = context.Request.Cookies.Keys.Where(IsTransactionCookie).ToList();
        if (existing.Count >= MaxConcurrent)
        {
            existing.ForEach(name => context.Response.Cookies.Delete(name, CookieOptions(context)));
        }

        context.Response.Cookies.Append(CookieName(context, transaction.State), Protect(transaction), CookieOptions(context));
    }

    public TransactionReadResult Read(HttpContext context, string state)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Cookies.TryGetValue(CookieName(context, state), out var value) || string.IsNullOrEmpty(value))
        {
            return TransactionReadResult.Missing;
        }

        var transaction = Unprotect(value);
        if (transaction is null)
        {
            return TransactionReadResult.Unreadable;
        }

        // Constant-time comparison: the state is a secret bound to this browser (RFC 6749 §10.12).
        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(transaction.State), Encoding.UTF8.GetBytes(state)))
        {
            return TransactionReadResult.StateMismatch;
        }

        if (timeProvider.GetUtcNow() - transaction.Created > _options.TransactionLifetime)
        {
            return TransactionReadResult.Expired;
        }

        return TransactionReadResult.Valid(transaction);
    }

    public void Delete(HttpContext context, string state)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.Cookies.Delete(CookieName(context, state), CookieOptions(context));
    }

    internal string Protect(AuthorizationTransaction transaction) =>
        _protector.Protect(JsonSerializer.Serialize(transaction));

    internal AuthorizationTransaction? Unprotect(string value)
    {
        try
        {
            return JsonSerializer.Deserialize<AuthorizationTransaction>(_protector.Unprotect(value));
        }
        catch (Exception e) when (e is CryptographicException or JsonException or FormatException)
        {
            return null;
        }
    }

    /// <summary>A path-scoped cookie cannot take the <c>__Host-</c> prefix; <c>__Secure-</c> is the strongest it can.</summary>
    internal string CookieName(HttpContext context, string state) =>
        CookieSecurity.PathScopedName(context, _options, NamePrefix + RandomValue.Fingerprint(state));

    private static bool IsTransactionCookie(string name) =>
        name.StartsWith(NamePrefix, StringComparison.Ordinal) || name.StartsWith("__Secure-" + NamePrefix, StringComparison.Ordinal);

    private CookieOptions CookieOptions(HttpContext context) =>
        CookieSecurity.PathScoped(context, _options, _options.CallbackPath, _options.TransactionLifetime);
}
