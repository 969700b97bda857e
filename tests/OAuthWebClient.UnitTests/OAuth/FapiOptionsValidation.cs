using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Testing;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.OAuth;

/// <summary>Start-up checks of private_key_jwt keys, DPoP and the FAPI 2.0 profile: every problem named by key, never key material.</summary>
public sealed class FapiOptionsValidation : IDisposable
{
    private readonly TestKeyFiles _keys = new();

    private static ValidateOptionsResult Validate(OAuthClientOptions options) => new OAuthClientOptionsValidator(TestProviders.SingleNames).Validate(null, options);

    private OAuthClientOptions Fapi2(Action<OAuthClientOptions>? configure = null)
    {
        var options = new OAuthClientOptions
        {
            Authority = new Uri("https://as.example"),
            ClientId = "photo-app",
            Profile = ClientProfile.Fapi2,
            ClientAuthentication = ClientAuthenticationMethod.PrivateKeyJwt,
        };
        options.ClientAssertion.KeyFile = _keys.EcKey().Path;
        configure?.Invoke(options);
        return options;
    }

    [Fact]
    public void Fapi2_with_a_private_key_passes_and_implies_par_dpop_and_its_algorithms()
    {
        var options = Fapi2();

        Assert.True(Validate(options).Succeeded, string.Join("\n", Validate(options).Failures ?? []));
        Assert.Equal(["PS256", "ES256"], options.EffectiveIdTokenSigningAlgorithms);
    }

    [Fact]
    public void Fapi2_refuses_a_client_secret_method()
    {
        var result = Validate(Fapi2(o => { o.ClientAuthentication = ClientAuthenticationMethod.ClientSecretBasic; o.ClientSecret = "s"; }));

        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:Profile is Fapi2, which refuses a client secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Fapi2_refuses_disabled_pushed_requests_rs256_and_a_relaxed_iss_check()
    {
        var result = Validate(Fapi2(o =>
        {
            o.PushedAuthorization = PushedAuthorizationMode.Disable;
            o.IdTokenSigningAlgorithms = ["RS256", "PS256"];
            o.RequireIssParameterWhenAdvertised = false;
        }));

        Assert.Contains(result.Failures!, f => f.Contains("OAuth:PushedAuthorization is Disable", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("OAuth:IdTokenSigningAlgorithms has RS256", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.Contains("RequireIssParameterWhenAdvertised is false", StringComparison.Ordinal));
    }

    [Fact]
    public void Private_key_jwt_without_a_key_is_reported()
    {
        var result = Validate(Fapi2(o => o.ClientAssertion.KeyFile = null));

        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:ClientAuthentication is PrivateKeyJwt but no key is set", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_or_unreadable_key_files_are_named_without_their_contents()
    {
        var garbage = _keys.Write("garbage.pem", "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n");
        var result = Validate(Fapi2(o =>
        {
            o.ClientAssertion.KeyFile = "/nonexistent/key.pem";
            o.ClientAssertion.Keys.Add(new ClientAssertionKey { KeyFile = garbage });
        }));

        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:ClientAssertion: ", StringComparison.Ordinal) && f.Contains("/nonexistent/key.pem does not exist", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:ClientAssertion:Keys:0: ", StringComparison.Ordinal));
        Assert.DoesNotContain(result.Failures!, f => f.Contains("c2VjcmV0", StringComparison.Ordinal));
    }

    [Fact]
    public void Algorithm_that_does_not_fit_the_key_and_a_long_assertion_lifetime_are_reported()
    {
        var result = Validate(Fapi2(o =>
        {
            o.ClientAssertion.Algorithm = "PS256"; // an EC key
            o.ClientAssertion.Lifetime = TimeSpan.FromMinutes(5);
            o.DPoP.Algorithm = "HS256";
        }));

        Assert.Contains(result.Failures!, f => f.Contains("the algorithm PS256 does not fit a P-256 key", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:ClientAssertion:Lifetime must be between 0 and 60 seconds", StringComparison.Ordinal));
        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:DPoP:Algorithm must be one of", StringComparison.Ordinal));
    }

    public void Dispose() => _keys.Dispose();
}
