using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Login;

namespace OAuthWebClient.UnitTests.Login;

public sealed class AuthorizationRequestOptionalParameters
{
    private static readonly Uri Endpoint = new("https://as.example/authorize");

    private static readonly AuthorizationTransaction Transaction = new()
    {
        State = "state-1",
        CodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        Nonce = "n-1",
        ReturnUrl = "/",
        Issuer = "https://as.example",
        RedirectUri = "https://app.example/callback",
        Scope = "openid profile",
        Provider = "default",
        Created = DateTimeOffset.UnixEpoch,
    };

    private static Dictionary<string, StringValues> Query(OAuthClientOptions options, string? loginHint = null, string scope = "openid profile") =>
        QueryHelpers.ParseQuery(new Uri(AuthorizationRequest.BuildUrl(Endpoint, "c", Transaction, AuthorizationParameters.For(options, scope, loginHint))).Query);

    [Fact]
    public void Prompt_max_age_acr_values_and_ui_locales_are_sent_as_configured()
    {
        var query = Query(new OAuthClientOptions { Prompt = "login", MaxAge = TimeSpan.FromMinutes(5), AcrValues = "urn:mace:incommon:iap:silver", UiLocales = "fr-CA en" });

        Assert.Equal("login", query["prompt"]);
        Assert.Equal("300", query["max_age"]);
        Assert.Equal("urn:mace:incommon:iap:silver", query["acr_values"]);
        Assert.Equal("fr-CA en", query["ui_locales"]);
    }

    [Fact]
    public void Nothing_optional_is_sent_by_default()
    {
        var query = Query(new OAuthClientOptions());

        Assert.Equal(
            ["response_type", "client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method", "nonce"],
            query.Keys.ToArray());
    }

    [Fact]
    public void Max_age_of_zero_is_sent_as_zero()
    {
        Assert.Equal("0", Query(new OAuthClientOptions { MaxAge = TimeSpan.Zero })["max_age"]);
    }

    [Fact]
    public void Each_resource_is_a_repeated_resource_parameter()
    {
        var query = Query(new OAuthClientOptions { Resource = [new Uri("https://photos.example/"), new Uri("urn:example:videos")] });

        Assert.Equal(["https://photos.example/", "urn:example:videos"], (string[])query["resource"]!);
    }

    [Fact]
    public void Additional_parameters_are_sent_after_the_protocol_ones()
    {
        var options = new OAuthClientOptions();
        options.AdditionalAuthorizationParameters["audience"] = "https://api.example";
        options.AdditionalAuthorizationParameters["domain_hint"] = "contoso.com";

        var query = Query(options);

        Assert.Equal("https://api.example", query["audience"]);
        Assert.Equal("contoso.com", query["domain_hint"]);
        Assert.Equal(["audience", "domain_hint"], query.Keys.TakeLast(2).ToArray());
    }

    [Fact]
    public void Login_hint_from_the_sign_in_request_is_sent()
    {
        Assert.Equal("alice@example.com", Query(new OAuthClientOptions(), loginHint: "alice@example.com")["login_hint"]);
    }

    [Fact]
    public void Observers_see_the_optional_parameters_as_they_are_sent()
    {
        var options = new OAuthClientOptions { Prompt = "select_account", Resource = [new Uri("https://photos.example/")] };
        options.AdditionalAuthorizationParameters["access_type"] = "offline";
        var optional = AuthorizationParameters.For(options, "openid", "bob");

        var parameters = AuthorizationRequest.Parameters("c", Transaction, optional);

        Assert.Contains(parameters, p => p is { Name: "prompt", Value: "select_account" });
        Assert.Contains(parameters, p => p is { Name: "resource", Value: "https://photos.example/" });
        Assert.Contains(parameters, p => p is { Name: "access_type", Value: "offline" });
        Assert.Contains(parameters, p => p is { Name: "login_hint", Value: "bob" });
    }
}
