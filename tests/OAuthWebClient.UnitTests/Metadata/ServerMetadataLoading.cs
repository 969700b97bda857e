using OAuthWebClient.Testing;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Metadata;

public sealed class ServerMetadataLoading
{
    private static (ServerMetadataProvider Provider, ScriptedAuthorizationServer Server, FakeTimeProvider Time) Create(Action<OAuthClientOptions>? configure = null)
    {
        var server = TestOptions.Server();
        var time = new FakeTimeProvider(TestOptions.Start);
        var options = Microsoft.Extensions.Options.Options.Create(TestOptions.Manual(configure));
        return (new ServerMetadataProvider(options, server.CreateHttpClientFactory(), time, new ServerClock(time)), server, time);
    }

    private static string Jwks() => TestKeys.Jwks(TestKeys.RsaJwk(Callback.IdTokenFixture.Rsa));

    [Fact]
    public async Task Hand_configured_endpoints_and_the_jwks_keys_make_the_metadata()
    {
        var (provider, server, _) = Create(o =>
        {
            o.Endpoints.RevocationEndpoint = TestOptions.RevocationEndpoint;
            o.Endpoints.EndSessionEndpoint = new Uri("https://as.example/logout");
        });
        server.On(TestOptions.JwksPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.OK, Jwks()));

        var metadata = await provider.GetAsync(CancellationToken.None);

        Assert.Equal(TestOptions.Issuer, metadata.Issuer);
        Assert.Equal(TestOptions.AuthorizationEndpoint, metadata.AuthorizationEndpoint);
        Assert.Equal(TestOptions.TokenEndpoint, metadata.TokenEndpoint);
        Assert.Equal(TestOptions.RevocationEndpoint, metadata.RevocationEndpoint);
        Assert.Equal(new Uri("https://as.example/logout"), metadata.EndSessionEndpoint);
        Assert.False(metadata.IssParameterSupported);
        Assert.Equal(Callback.IdTokenFixture.Rsa.KeyId, Assert.Single(metadata.SigningKeys).KeyId);
    }

    [Fact]
    public async Task Metadata_is_cached_after_the_first_fetch()
    {
        var (provider, server, _) = Create();
        server.On(TestOptions.JwksPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.OK, Jwks()));

        await provider.GetAsync(CancellationToken.None);
        await provider.GetAsync(CancellationToken.None);

        Assert.Equal(1, server.Count(TestOptions.JwksPath));
    }

    [Fact]
    public async Task Unreachable_jwks_before_any_success_is_an_invalid_operation()
    {
        var (provider, server, _) = Create();
        server.On(TestOptions.JwksPath, _ => ScriptedAuthorizationServer.Html(HttpStatusCode.InternalServerError, "down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task After_a_failed_first_fetch_a_recovered_server_is_picked_up()
    {
        var (provider, server, time) = Create();
        server.On(TestOptions.JwksPath, _ => ScriptedAuthorizationServer.Html(HttpStatusCode.ServiceUnavailable, "starting"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => provider.GetAsync(CancellationToken.None));

        server.On(TestOptions.JwksPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.OK, Jwks()));
        time.Advance(TimeSpan.FromSeconds(2));

        var metadata = await provider.GetAsync(CancellationToken.None);
        Assert.Single(metadata.SigningKeys);
    }
}
