using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using Sandbox.DPoP;

namespace Sandbox.AuthServer.Configuration;

/// <summary>Checks <see cref="AuthServerOptions"/> at startup and reports every problem at once.</summary>
internal sealed class AuthServerOptionsValidator : IValidateOptions<AuthServerOptions>
{
    private const string Prefix = AuthServerOptions.SectionName + ":";

    public ValidateOptionsResult Validate(string? name, AuthServerOptions options)
    {
        var problems = new List<string>();

        // RFC 8414 §2: the issuer is an https (here also http, loopback sandbox) URL without query or fragment.
        if (options.Issuer is not { IsAbsoluteUri: true } issuer || !IsHttp(issuer)
            || issuer.Query.Length > 0 || issuer.Fragment.Length > 0)
        {
            problems.Add($"{Prefix}Issuer must be an absolute http(s) URI without query or fragment (got '{options.Issuer}').");
        }

        if (options.AccessTokenLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}AccessTokenLifetime must be positive (got {options.AccessTokenLifetime}).");
        }

        if (options.RefreshTokenLifetime <= TimeSpan.Zero)
        {
            problems.Add($"{Prefix}RefreshTokenLifetime must be positive (got {options.RefreshTokenLifetime}).");
        }

        if (options.RefreshTokenReuseLeeway < TimeSpan.Zero)
        {
            problems.Add($"{Prefix}RefreshTokenReuseLeeway must not be negative (got {options.RefreshTokenReuseLeeway}).");
        }

        if (string.IsNullOrWhiteSpace(options.PhotosApiAudience))
        {
            problems.Add($"{Prefix}PhotosApiAudience is required.");
        }

        if (!SigningKeys.Supported.Contains(options.SigningAlgorithm, StringComparer.Ordinal))
        {
            problems.Add($"{Prefix}SigningAlgorithm must be one of {string.Join(", ", SigningKeys.Supported)} (got '{options.SigningAlgorithm}').");
        }

        else
        {
            problems.AddRange(SigningKeys.Problems(options.SigningAlgorithm, options.KeysFolder, $"{Prefix}KeysFolder"));
        }

        problems.AddRange(options.DPoP.Validate($"{Prefix}DPoP:"));

        if (options.Clients.Count == 0)
        {
            problems.Add($"{Prefix}Clients must register at least one client.");
        }

        for (var i = 0; i < options.Clients.Count; i++)
        {
            ValidateClient($"{Prefix}Clients:{i}:", options.Clients[i], problems);
        }

        var duplicates = options.Clients.GroupBy(c => c.ClientId, StringComparer.Ordinal).Where(g => g.Count() > 1);
        problems.AddRange(duplicates.Select(g => $"{Prefix}Clients registers ClientId '{g.Key}' more than once."));

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void ValidateClient(string path, ClientRegistration client, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId))
        {
            problems.Add($"{path}ClientId is required.");
        }

        // Confidential either way: a secret (client_secret_basic/post) or keys for private_key_jwt (RFC 7523 §2.2).
        if (string.IsNullOrWhiteSpace(client.ClientSecret) && string.IsNullOrWhiteSpace(client.Jwks))
        {
            problems.Add($"{path}ClientSecret or Jwks is required (the client is confidential).");
        }

        if (!string.IsNullOrWhiteSpace(client.Jwks) && JwksProblem(client.Jwks) is { } jwksProblem)
        {
            problems.Add($"{path}Jwks {jwksProblem}");
        }

        if (client.RedirectUris.Count == 0)
        {
            problems.Add($"{path}RedirectUris must contain at least one URI.");
        }

        // RFC 6749 §3.1.2: absolute, and MUST NOT include a fragment.
        foreach (var uri in client.RedirectUris.Where(u => !IsAbsoluteWithoutFragment(u)))
        {
            problems.Add($"{path}RedirectUris contains '{uri}', which is not an absolute http(s) URI without fragment.");
        }

        foreach (var uri in client.PostLogoutRedirectUris.Where(u => !IsAbsoluteWithoutFragment(u)))
        {
            problems.Add($"{path}PostLogoutRedirectUris contains '{uri}', which is not an absolute http(s) URI without fragment.");
        }

        // Back-Channel Logout 1.0 §2.2: absolute, MAY have a query, MUST NOT have a fragment.
        if (client.BackchannelLogoutUri is { Length: > 0 } backchannel && !IsAbsoluteWithoutFragment(backchannel))
        {
            problems.Add($"{path}BackchannelLogoutUri is '{backchannel}', which is not an absolute http(s) URI without fragment.");
        }
    }

    private static string? JwksProblem(string jwks)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(jwks);
        }
        catch (ArgumentException)
        {
            return "is not a JWK Set (RFC 7517 §5): expected {\"keys\":[...]}.";
        }

        if (set.Keys.Count == 0)
        {
            return "must contain at least one key.";
        }

        // Registered keys verify assertions: a private or symmetric key here would be a shared secret in disguise.
        return set.Keys.All(PublicKeys.IsPublicAsymmetric) ? null : "must contain only public RSA or EC keys (no \"d\", no \"oct\").";
    }

    private static bool IsAbsoluteWithoutFragment(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && IsHttp(uri) && uri.Fragment.Length == 0;

    private static bool IsHttp(Uri uri) => uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
}
