using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using OAuthWebClient.Client;

namespace OAuthWebClient.Login;

/// <summary>
/// Step-up (RFC 6750 §3.1 <c>insufficient_scope</c>): the scope a resource server asked for travels to the login
/// endpoint sealed by this app (Data Protection, 5 minutes), so no link crafted by someone else can change what the
/// authorization request asks for — only this app's own step-up can add a scope.
/// </summary>
public sealed class StepUpScopes(IDataProtectionProvider dataProtection, TimeProvider timeProvider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("OAuthWebClient.Login.StepUp.v1").ToTimeLimitedDataProtector();

    public string Seal(string scope) => _protector.Protect(scope, timeProvider.GetUtcNow() + Lifetime);

    /// <summary>The sign-in link that asks for <paramref name="scope"/> too and comes back to <paramref name="returnUrl"/>.</summary>
    public string Link(OAuthClientOptions options, string returnUrl, string scope) =>
        SignInLink.To(options, returnUrl) + "&stepUp=" + Uri.EscapeDataString(Seal(scope));

    /// <summary>The scope tokens (RFC 6749 §3.3), or none when the value is missing, forged or expired.</summary>
    public IReadOnlyList<string> Open(string? sealedScope)
    {
        if (string.IsNullOrEmpty(sealedScope) || sealedScope.Length > 2048)
        {
            return [];
        }

        try
        {
            var scopes = _protector.Unprotect(sealedScope, out var expiration).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return expiration < timeProvider.GetUtcNow() || !scopes.All(IsScopeToken) ? [] : scopes;
        }
        catch (CryptographicException)
        {
            return [];
        }
    }

    /// <summary>RFC 6749 §3.3: scope-token = 1*( %x21 / %x23-5B / %x5D-7E ).</summary>
    private static bool IsScopeToken(string token) => token.All(c => c is '\x21' or (>= '\x23' and <= '\x5B') or (>= '\x5D' and <= '\x7E'));
}
