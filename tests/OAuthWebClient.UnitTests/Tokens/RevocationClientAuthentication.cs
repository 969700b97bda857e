using OAuthWebClient.Testing;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>
/// RFC 8414 §2 <c>revocation_endpoint_auth_methods_supported</c>: the revocation endpoint is called with a method the
/// server lists there; without the member, with the token endpoint's (the RFC's default is client_secret_basic).
/// </summary>
public sealed class RevocationClientAuthentication
{
    [Fact]
    public async Task A_server_listing_only_client_secret_post_for_revocation_gets_the_secret_in_the_body()
    {
        var revocations = await SignInAndOutAsync(advertised: ["client_secret_post"], configured: "ClientSecretBasic", out var server);

        Assert.Equal(2, revocations.Count);
        Assert.All(revocations, r =>
        {
            Assert.Null(r.Authorization);
            Assert.Equal(ScriptedAuthorizationServer.ClientSecret, r.Form["client_secret"]);
            Assert.Equal(ScriptedAuthorizationServer.ClientId, r.Form["client_id"]);
        });
        Assert.All(server.TokenRequests, t => Assert.StartsWith("Basic ", t.Authorization, StringComparison.Ordinal)); // the token endpoint keeps its method
    }

    [Fact]
    public async Task A_server_listing_only_client_secret_basic_gets_basic_even_when_post_is_configured()
    {
        var revocations = await SignInAndOutAsync(advertised: ["client_secret_basic"], configured: "ClientSecretPost", out _);

        Assert.All(revocations, r =>
        {
            Assert.StartsWith("Basic ", r.Authorization, StringComparison.Ordinal);
            Assert.False(r.Form.ContainsKey("client_secret"));
        });
    }

    [Fact]
    public async Task The_configured_method_is_kept_when_the_server_lists_it()
    {
        var revocations = await SignInAndOutAsync(advertised: ["private_key_jwt", "client_secret_post", "client_secret_basic"], configured: "ClientSecretPost", out _);

        Assert.All(revocations, r => Assert.Equal(ScriptedAuthorizationServer.ClientSecret, r.Form["client_secret"]));
    }

    [Fact]
    public async Task Without_the_member_the_token_endpoints_method_is_used()
    {
        var revocations = await SignInAndOutAsync(advertised: null, configured: "ClientSecretBasic", out _);

        Assert.NotEmpty(revocations);
        Assert.All(revocations, r => Assert.StartsWith("Basic ", r.Authorization, StringComparison.Ordinal));
    }

    [Fact]
    public async Task When_none_of_ours_is_listed_the_configured_method_is_tried()
    {
        var revocations = await SignInAndOutAsync(advertised: ["private_key_jwt"], configured: "ClientSecretPost", out _);

        Assert.All(revocations, r => Assert.Equal(ScriptedAuthorizationServer.ClientSecret, r.Form["client_secret"]));
    }

    private static Task<IReadOnlyList<RecordedRequest>> SignInAndOutAsync(string[]? advertised, string configured, out ScriptedAuthorizationServer server)
    {
        server = new ScriptedAuthorizationServer();
        if (advertised is not null)
        {
            server.EditMetadata = m => m["revocation_endpoint_auth_methods_supported"] = advertised;
        }

        return RunAsync(server, configured);
    }

    private static async Task<IReadOnlyList<RecordedRequest>> RunAsync(ScriptedAuthorizationServer server, string configured)
    {
        await using var host = new ScriptedClientHost(server, new Dictionary<string, string?> { ["OAuth:ClientAuthentication"] = configured });
        var browser = host.NewBrowser();
        var gallery = await host.SignInAsync(browser);
        await browser.SubmitAsync(gallery, "Sign out", followRedirects: false);
        return server.RequestsTo("/revoke");
    }
}
