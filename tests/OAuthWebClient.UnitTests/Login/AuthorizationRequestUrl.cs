using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class AuthorizationRequestUrl
{
    private static readonly Uri Endpoint = new("https://as.example/authorize");

    private static AuthorizationTransaction Transaction(string? nonce = "n-123", string returnUrl = "/photos") => new()
    {
        State = "st+ate/with=chars&more",
        CodeVerifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk",
        Nonce = nonce,
        ReturnUrl = returnUrl,
        Issuer = "https://as.example",
        RedirectUri = "https://app.example/callback?x=1",
        Scope = "openid profile photos",
        Provider = "default",
        Created = DateTimeOffset.UnixEpoch,
    };

    private static Dictionary<string, StringValues> Query(string url) => QueryHelpers.ParseQuery(new Uri(url).Query);

    [Fact]
    public void Url_carries_every_authorization_code_parameter_exactly_once()
    {
        var transaction = Transaction();

        var query = Query(AuthorizationRequest.BuildUrl(Endpoint, "photo app", transaction));

        Assert.Equal("code", query["response_type"]);
        Assert.Equal("photo app", query["client_id"]);
        Assert.Equal("https://app.example/callback?x=1", query["redirect_uri"]);
        Assert.Equal("openid profile photos", query["scope"]);
        Assert.Equal("st+ate/with=chars&more", query["state"]);
        Assert.Equal("n-123", query["nonce"]);
        Assert.All(query.Values, v => Assert.Single(v));
    }

    [Fact]
    public void Code_challenge_is_the_S256_challenge_of_the_verifier()
    {
        var transaction = Transaction();

        var query = Query(AuthorizationRequest.BuildUrl(Endpoint, "c", transaction));

        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", query["code_challenge"]);
        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.False(query.ContainsKey("code_verifier"));
        Assert.DoesNotContain(transaction.CodeVerifier, AuthorizationRequest.BuildUrl(Endpoint, "c", transaction), StringComparison.Ordinal);
    }

    [Fact]
    public void Nonce_is_left_out_when_the_transaction_has_none()
    {
        var query = Query(AuthorizationRequest.BuildUrl(Endpoint, "c", Transaction(nonce: null)));

        Assert.False(query.ContainsKey("nonce"));
    }

    [Fact]
    public void Endpoint_query_is_kept()
    {
        var url = AuthorizationRequest.BuildUrl(new Uri("https://as.example/authorize?tenant=x"), "c", Transaction());

        Assert.StartsWith("https://as.example/authorize?", url, StringComparison.Ordinal);
        Assert.Equal("x", Query(url)["tenant"]);
        Assert.Equal("code", Query(url)["response_type"]);
    }

    [Fact]
    public void Return_url_cannot_inject_parameters_because_it_is_not_sent()
    {
        var plain = AuthorizationRequest.BuildUrl(Endpoint, "c", Transaction(returnUrl: "/photos"));
        var hostile = AuthorizationRequest.BuildUrl(Endpoint, "c", Transaction(returnUrl: "/x&scope=evil&redirect_uri=https://evil"));

        Assert.Equal(plain, hostile);
        Assert.DoesNotContain("evil", hostile, StringComparison.Ordinal);
    }
}
