using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.ProofOfPossession;

namespace OAuthWebClient.Client.Protocol;

/// <summary>
/// Start-up checks of <c>private_key_jwt</c> (RFC 7523), DPoP (RFC 9449), pushed requests (RFC 9126) and the
/// <see cref="ClientProfile.Fapi2"/> profile (FAPI 2.0 Security Profile §5.3.2: what it asks of a client).
/// </summary>
internal static class FapiRules
{
    private static readonly TimeSpan MaxAssertionLifetime = TimeSpan.FromSeconds(60);

    public static void Check(List<string> problems, OAuthClientOptions options)
    {
        var keys = CheckAssertionKeys(problems, options);
        if (!DPoPKey.Algorithms.Contains(options.DPoP.Algorithm, StringComparer.Ordinal))
        {
            problems.Add($"OAuth:DPoP:Algorithm must be one of {string.Join(", ", DPoPKey.Algorithms)} (it is \"{options.DPoP.Algorithm}\").");
        }

        if (!options.IsFapi2)
        {
            return;
        }

        if (options.ClientAuthentication != ClientAuthenticationMethod.PrivateKeyJwt)
        {
            problems.Add("OAuth:Profile is Fapi2, which refuses a client secret: set OAuth:ClientAuthentication=PrivateKeyJwt and OAuth:ClientAssertion:KeyFile (FAPI 2.0 §5.3.2.1).");
        }

        if (options.PushedAuthorization == PushedAuthorizationMode.Disable)
        {
            problems.Add("OAuth:Profile is Fapi2, which requires pushed authorization requests, but OAuth:PushedAuthorization is Disable (FAPI 2.0 §5.3.2.2).");
        }

        if (!options.RequireIssParameterWhenAdvertised)
        {
            problems.Add("OAuth:Profile is Fapi2, which requires the iss parameter (RFC 9207), but OAuth:RequireIssParameterWhenAdvertised is false.");
        }

        CheckAlgorithms(problems, "OAuth:IdTokenSigningAlgorithms", options.EffectiveIdTokenSigningAlgorithms);
        CheckAlgorithms(problems, "OAuth:DPoP:Algorithm", [options.DPoP.Algorithm]);
        CheckAlgorithms(problems, "OAuth:ClientAssertion:Algorithm", keys.Select(k => k.Algorithm));
    }

    private static List<AssertionSigningKey> CheckAssertionKeys(List<string> problems, OAuthClientOptions options)
    {
        var loaded = new List<AssertionSigningKey>();
        var assertion = options.ClientAssertion;
        var named = assertion.AllKeys.Select((key, i) => (Key: key, Name: i < assertion.AllKeys.Count() - assertion.Keys.Count
            ? "OAuth:ClientAssertion" : $"OAuth:ClientAssertion:Keys:{i - (assertion.AllKeys.Count() - assertion.Keys.Count)}"));
        foreach (var (key, name) in named)
        {
            try
            {
                loaded.Add(AssertionKeyLoader.Load(key));
            }
            catch (Exception e) when (e is InvalidOperationException or System.Security.Cryptography.CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                // The reason names the file or the problem, never the key material.
                problems.Add($"{name}: the client assertion key cannot be used: {(e is InvalidOperationException ? e.Message : "it is not a readable private key (" + e.GetType().Name + ").")}");
            }
        }

        if (options.ClientAuthentication == ClientAuthenticationMethod.PrivateKeyJwt && !assertion.AllKeys.Any())
        {
            problems.Add("OAuth:ClientAuthentication is PrivateKeyJwt but no key is set: set OAuth:ClientAssertion:KeyFile (a PEM or PFX file) or OAuth:ClientAssertion:Jwk.");
        }

        if (assertion.Lifetime <= TimeSpan.Zero || assertion.Lifetime > MaxAssertionLifetime)
        {
            problems.Add($"OAuth:ClientAssertion:Lifetime must be between 0 and 60 seconds (it is {assertion.Lifetime}).");
        }

        return loaded;
    }

    private static void CheckAlgorithms(List<string> problems, string key, IEnumerable<string> algorithms)
    {
        var refused = algorithms.Where(a => !OAuthClientOptions.Fapi2Algorithms.Contains(a, StringComparer.Ordinal)).Distinct().ToList();
        if (refused.Count > 0)
        {
            problems.Add($"OAuth:Profile is Fapi2, which allows only PS256 and ES256 (FAPI 2.0 §5.4.1), but {key} has {string.Join(", ", refused)}.");
        }
    }
}
