using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.OAuth;

public sealed class OptionsValidation
{
    private static ValidateOptionsResult Validate(OAuthClientOptions options) => new OAuthClientOptionsValidator(TestProviders.SingleNames).Validate(null, options);

    private static OAuthClientOptions WithAuthority() => new() { Authority = new Uri("https://as.example"), ClientId = "photo-app" };

    private static void AssertReports(ValidateOptionsResult result, string startOfMessage)
    {
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(startOfMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void Defaults_with_an_authority_and_client_id_pass()
    {
        Assert.True(Validate(WithAuthority()).Succeeded);
    }

    [Fact]
    public void Complete_hand_configured_endpoints_pass()
    {
        Assert.True(Validate(TestOptions.Manual()).Succeeded);
    }

    [Fact]
    public void Every_problem_is_reported_in_one_result()
    {
        var options = new OAuthClientOptions
        {
            Authority = new Uri("as.example", UriKind.Relative),
            ClientId = "",
            TransactionLifetime = TimeSpan.FromMinutes(11),
            CallbackPath = "callback",
        };

        var result = Validate(options);

        Assert.True(result.Failed);
        Assert.Contains("OAuth:Authority must be an absolute http(s) URL (it is \"as.example\").", result.Failures!);
        Assert.Contains(result.Failures!, f => f.StartsWith("OAuth:ClientId is empty", StringComparison.Ordinal));
        Assert.Contains("OAuth:TransactionLifetime must be between 0 and 10 minutes (it is 00:11:00).", result.Failures!);
        Assert.Contains("OAuth:CallbackPath must be a local path starting with a single '/' and without a query (it is \"callback\").", result.Failures!);
        Assert.Equal(4, result.Failures!.Count());
    }

    [Fact]
    public void Neither_authority_nor_endpoints_is_reported()
    {
        AssertReports(Validate(new OAuthClientOptions { ClientId = "c" }), "OAuth:Authority is not set");
    }

    [Fact]
    public void Hand_configured_endpoints_without_token_endpoint_are_reported()
    {
        AssertReports(Validate(TestOptions.Manual(o => o.Endpoints.TokenEndpoint = null)), "OAuth:Endpoints:AuthorizationEndpoint is set but OAuth:Endpoints:TokenEndpoint is not.");
    }

    [Fact]
    public void Token_endpoint_without_authorization_endpoint_is_reported()
    {
        var options = WithAuthority();
        options.Endpoints.TokenEndpoint = new Uri("https://as.example/token");

        AssertReports(Validate(options), "OAuth:Endpoints:TokenEndpoint is set without OAuth:Endpoints:AuthorizationEndpoint.");
    }

    [Fact]
    public void Openid_with_hand_configured_endpoints_but_no_jwks_uri_is_reported()
    {
        AssertReports(Validate(TestOptions.Manual(o => o.Endpoints.JwksUri = null)), "OAuth:Scope requests openid but OAuth:Endpoints:JwksUri is not set");
    }

    [Fact]
    public void Hand_configured_endpoints_without_jwks_uri_pass_when_openid_is_not_requested()
    {
        Assert.True(Validate(TestOptions.Manual(o => { o.Endpoints.JwksUri = null; o.Scope = "photos"; })).Succeeded);
    }

    [Fact]
    public void Hand_configured_endpoints_without_any_issuer_are_reported()
    {
        AssertReports(Validate(TestOptions.Manual(o => o.Endpoints.Issuer = null)), "OAuth:Endpoints:Issuer (or OAuth:Authority) is needed");
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    public void None_among_the_id_token_algorithms_is_reported(string none)
    {
        var options = WithAuthority();
        options.IdTokenSigningAlgorithms = ["RS256", none];

        AssertReports(Validate(options), "OAuth:IdTokenSigningAlgorithms lists \"none\"");
    }

    [Fact]
    public void Client_secret_post_without_a_secret_is_reported()
    {
        var options = WithAuthority();
        options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;

        AssertReports(Validate(options), "OAuth:ClientAuthentication is ClientSecretPost but OAuth:ClientSecret is empty.");
    }

    [Fact]
    public void Client_secret_post_with_a_secret_passes()
    {
        var options = WithAuthority();
        options.ClientAuthentication = ClientAuthenticationMethod.ClientSecretPost;
        options.ClientSecret = "s";

        Assert.True(Validate(options).Succeeded);
    }

    [Theory]
    [InlineData("ftp://as.example")]
    [InlineData("https://as.example/#frag")]
    public void Authority_that_is_not_a_plain_http_url_is_reported(string authority)
    {
        var options = WithAuthority();
        options.Authority = new Uri(authority);

        AssertReports(Validate(options), "OAuth:Authority must");
    }

    [Theory]
    [InlineData("//evil.example/callback")]
    [InlineData("/callback?x=1")]
    [InlineData("")]
    public void Callback_path_that_is_not_a_local_path_is_reported(string path)
    {
        var options = WithAuthority();
        options.CallbackPath = path;

        AssertReports(Validate(options), "OAuth:CallbackPath must be a local path");
    }

    [Fact]
    public void Zero_transaction_lifetime_is_reported()
    {
        var options = WithAuthority();
        options.TransactionLifetime = TimeSpan.Zero;

        AssertReports(Validate(options), "OAuth:TransactionLifetime must be between 0 and 10 minutes");
    }

    [Fact]
    public void Empty_scope_is_reported()
    {
        var options = WithAuthority();
        options.Scope = "   ";

        AssertReports(Validate(options), "OAuth:Scope is empty");
    }

    [Fact]
    public void Negative_clock_skew_is_reported()
    {
        var options = WithAuthority();
        options.ClockSkew = TimeSpan.FromSeconds(-1);

        AssertReports(Validate(options), "OAuth:ClockSkew and OAuth:RefreshBeforeExpiry cannot be negative.");
    }
}
