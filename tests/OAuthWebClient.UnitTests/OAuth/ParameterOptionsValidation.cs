using OAuthWebClient.UnitTests.TestSupport;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Protocol;

namespace OAuthWebClient.UnitTests.OAuth;

public sealed class ParameterOptionsValidation
{
    private static ValidateOptionsResult Validate(Action<OAuthClientOptions> configure)
    {
        var options = new OAuthClientOptions { Authority = new Uri("https://as.example"), ClientId = "photo-app" };
        configure(options);
        return new OAuthClientOptionsValidator(TestProviders.SingleNames).Validate(null, options);
    }

    private static void AssertReports(ValidateOptionsResult result, string startOfMessage)
    {
        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(startOfMessage, StringComparison.Ordinal));
    }

    [Fact]
    public void Every_parameter_set_sensibly_passes()
    {
        var result = Validate(o =>
        {
            o.Prompt = "login consent";
            o.MaxAge = TimeSpan.FromMinutes(5);
            o.AcrValues = "silver";
            o.UiLocales = "fr en";
            o.Resource = [new Uri("https://photos.example/api"), new Uri("urn:example:videos")];
            o.AdditionalAuthorizationParameters["audience"] = "https://api.example";
            o.AdditionalTokenParameters["audience"] = "https://api.example";
        });

        Assert.True(result.Succeeded, string.Join(" | ", result.Failures ?? []));
    }

    [Theory]
    [InlineData("response_type")]
    [InlineData("client_id")]
    [InlineData("redirect_uri")]
    [InlineData("state")]
    [InlineData("nonce")]
    [InlineData("code_challenge")]
    [InlineData("code_challenge_method")]
    [InlineData("scope")]
    [InlineData("request_uri")]
    [InlineData("State")]
    public void Reserved_authorization_parameters_cannot_be_added(string name)
    {
        AssertReports(Validate(o => o.AdditionalAuthorizationParameters[name] = "x"), $"OAuth:AdditionalAuthorizationParameters:{name} is reserved");
    }

    [Theory]
    [InlineData("prompt", "OAuth:Prompt")]
    [InlineData("max_age", "OAuth:MaxAge")]
    [InlineData("resource", "OAuth:Resource")]
    [InlineData("login_hint", "the sign-in request")]
    public void Parameters_with_their_own_setting_name_that_setting(string name, string setting)
    {
        var result = Validate(o => o.AdditionalAuthorizationParameters[name] = "x");

        AssertReports(result, $"OAuth:AdditionalAuthorizationParameters:{name} cannot be set this way: it comes from {setting}");
    }

    [Theory]
    [InlineData("grant_type")]
    [InlineData("code")]
    [InlineData("code_verifier")]
    [InlineData("refresh_token")]
    [InlineData("client_secret")]
    public void Reserved_token_parameters_cannot_be_added(string name)
    {
        AssertReports(Validate(o => o.AdditionalTokenParameters[name] = "x"), $"OAuth:AdditionalTokenParameters:{name} is reserved");
    }

    [Theory]
    [InlineData("https://photos.example/#part")]
    [InlineData("/relative")]
    public void A_resource_that_is_relative_or_has_a_fragment_is_reported_with_its_index(string resource)
    {
        var result = Validate(o => o.Resource = [new Uri("https://ok.example/"), new Uri(resource, UriKind.RelativeOrAbsolute)]);

        AssertReports(result, "OAuth:Resource:1 must be an absolute URI without a fragment (RFC 8707 §2)");
        Assert.Single(result.Failures!);
    }

    [Fact]
    public void An_unknown_prompt_value_is_reported()
    {
        AssertReports(Validate(o => o.Prompt = "login sometimes"), "OAuth:Prompt has \"sometimes\", which is not one of");
    }

    [Fact]
    public void Prompt_none_with_another_value_is_reported()
    {
        AssertReports(Validate(o => o.Prompt = "none login"), "OAuth:Prompt combines none with other values");
    }

    [Fact]
    public void Prompt_none_with_offline_access_prompt_always_is_reported()
    {
        AssertReports(Validate(o => { o.Prompt = "none"; o.OfflineAccessPrompt = OfflineAccessPrompt.Always; }), "OAuth:OfflineAccessPrompt is Always");
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1.5)]
    public void Max_age_that_is_negative_or_not_whole_seconds_is_reported(double seconds)
    {
        AssertReports(Validate(o => o.MaxAge = TimeSpan.FromSeconds(seconds)), "OAuth:MaxAge must be a whole number of seconds");
    }
}
