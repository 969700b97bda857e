using System.Net;
using OAuthWebClient.Client;
using OAuthWebClient.Testing;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class TokenRequestOptionalParameters
{
    private static void Configure(OAuthClientOptions options)
    {
        options.Resource = [new Uri("https://photos.example/"), new Uri("urn:example:videos")];
        options.AdditionalTokenParameters["audience"] = "https://api.example";
    }

    private static ScriptedAuthorizationServer Server()
    {
        var server = TestOptions.Server();
        server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.OK, """{"access_token":"at","token_type":"Bearer"}"""));
        server.On(TestOptions.RevokePath, _ => new HttpResponseMessage(HttpStatusCode.OK));
        return server;
    }

    [Fact]
    public async Task Code_redemption_repeats_resource_and_adds_the_additional_parameters()
    {
        var server = Server();

        await TokenEndpointRequests.Client(server, Configure).RedeemCodeAsync(TestCalls.Code(TestOptions.TokenEndpoint), "code-1", "verifier", "https://app.example/callback", CancellationToken.None);

        var form = Assert.Single(server.RequestsTo(TestOptions.TokenPath)).Form;
        Assert.Equal(["https://photos.example/", "urn:example:videos"], (string[])form["resource"]!);
        Assert.Equal("https://api.example", form["audience"]);
        Assert.Equal("authorization_code", form["grant_type"]);
    }

    [Fact]
    public async Task Refresh_repeats_resource_and_adds_the_additional_parameters()
    {
        var server = Server();

        await TokenEndpointRequests.Client(server, Configure).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt-1", CancellationToken.None);

        var form = Assert.Single(server.RequestsTo(TestOptions.TokenPath)).Form;
        Assert.Equal(["https://photos.example/", "urn:example:videos"], (string[])form["resource"]!);
        Assert.Equal("https://api.example", form["audience"]);
    }

    [Fact]
    public async Task Revocation_carries_neither()
    {
        var server = Server();
        var call = TestCalls.Revocation(TestOptions.RevocationEndpoint);

        await TokenEndpointRequests.Client(server, Configure).RevokeAsync(call, "rt-1", "refresh_token", [], CancellationToken.None);

        var form = Assert.Single(server.RequestsTo(TestOptions.RevokePath)).Form;
        Assert.False(form.ContainsKey("resource"));
        Assert.False(form.ContainsKey("audience"));
    }

    [Fact]
    public async Task Without_settings_no_optional_parameter_is_sent()
    {
        var server = Server();

        await TokenEndpointRequests.Client(server).RefreshAsync(TestCalls.Refresh(TestOptions.TokenEndpoint), "rt-1", CancellationToken.None);

        Assert.Equal(["grant_type", "refresh_token", "client_id"], Assert.Single(server.RequestsTo(TestOptions.TokenPath)).Form.Keys.ToArray());
    }
}
