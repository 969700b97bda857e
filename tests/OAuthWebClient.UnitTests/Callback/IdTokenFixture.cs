using OAuthWebClient.Testing;
using System.Net;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Callback;

/// <summary>An <see cref="IdTokenValidator"/> over hand-configured endpoints whose JWKS comes from a fake server.</summary>
internal sealed class IdTokenFixture
{
    private volatile string _jwks;

    public IdTokenFixture(Action<OAuthClientOptions>? configure = null)
    {
        _jwks = TestKeys.Jwks(TestKeys.RsaJwk(Rsa), TestKeys.EcJwk(Ec));
        Server.On(TestOptions.JwksPath, async (_, cancellationToken) =>
        {
            if (JwksLatency > TimeSpan.Zero)
            {
                await Task.Delay(JwksLatency, cancellationToken);
            }

            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, _jwks);
        });
        Options = TestOptions.Manual(configure);
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        Metadata = new ServerMetadataProvider(options, Server.CreateHttpClientFactory(), Time, new ServerClock(Time));
        Validator = new IdTokenValidator(Metadata, Time, TestCalls.NoEvents, options);
    }

    public static RsaSecurityKey Rsa { get; } = TestKeys.NewRsa("rsa-1");

    public static RsaSecurityKey RotatedRsa { get; } = TestKeys.NewRsa("rsa-2");

    public static ECDsaSecurityKey Ec { get; } = TestKeys.NewEc("ec-1");

    public FakeTimeProvider Time { get; } = new(TestOptions.Start);

    public ScriptedAuthorizationServer Server { get; } = TestOptions.Server();

    public OAuthClientOptions Options { get; }

    public ServerMetadataProvider Metadata { get; }

    public IdTokenValidator Validator { get; }

    /// <summary>How long the JWKS endpoint takes to answer (a real network is never instant).</summary>
    public TimeSpan JwksLatency { get; set; }

    public int JwksFetches => Server.Count(TestOptions.JwksPath);

    public void PublishJwks(string jwks) => _jwks = jwks;

    public Dictionary<string, object> Claims(string? nonce = "nonce-1") => TestKeys.IdTokenClaims(Time.GetUtcNow(), nonce);

    public string Rs256(Dictionary<string, object>? claims = null) => TestKeys.Sign(claims ?? Claims(), Rsa, SecurityAlgorithms.RsaSha256);

    public Task<IdTokenValidationResult> ValidateAsync(string token, string? nonce = "nonce-1") =>
        Validator.ValidateAsync(token, nonce, TestCalls.SignIn, CancellationToken.None);
}
