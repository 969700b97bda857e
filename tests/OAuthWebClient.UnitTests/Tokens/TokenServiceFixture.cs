using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Callback;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;
using OAuthWebClient.Tokens;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>A <see cref="TokenService"/> over an in-memory store and a scripted token endpoint.</summary>
internal sealed class TokenServiceFixture
{
    public const string SessionId = "session-1";

    public TokenServiceFixture(Action<OAuthClientOptions>? configure = null)
    {
        Server.On(TestOptions.JwksPath, _ => FakeAuthServer.Json(HttpStatusCode.OK, TestKeys.Jwks(TestKeys.RsaJwk(SigningKey))));
        Options = TestOptions.Manual(o =>
        {
            o.Endpoints.RevocationEndpoint = TestOptions.RevocationEndpoint;
            configure?.Invoke(o);
        });
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var metadata = new ServerMetadataProvider(options, new FakeHttpClientFactory(Server), Time, new ServerClock(Time));
        Store = new InMemoryTokenStore(Time, options);
        var tokenEndpoint = new TokenEndpointClient(new HttpClient(Server, disposeHandler: false), options, NullLogger<TokenEndpointClient>.Instance);
        Service = new TokenService(
            Store, tokenEndpoint, metadata, new IdTokenValidator(metadata, Time, options), new SingleFlight(), new LocalRefreshLease(), new RequestTokenCache(new Microsoft.AspNetCore.Http.HttpContextAccessor()), Time, options, NullLogger<TokenService>.Instance);
    }

    public static RsaSecurityKey SigningKey { get; } = TestKeys.NewRsa("ts-rsa-1");

    public FakeTimeProvider Time { get; } = new(TestOptions.Start);

    public FakeAuthServer Server { get; } = new();

    public OAuthClientOptions Options { get; }

    public InMemoryTokenStore Store { get; }

    public TokenService Service { get; }

    public int TokenCalls => Server.Count(TestOptions.TokenPath);

    public void TokenEndpointAnswers(HttpStatusCode status, string json) => Server.On(TestOptions.TokenPath, _ => FakeAuthServer.Json(status, json));

    public Task<TokenSet> SeedAsync(TimeSpan expiresIn, string accessToken = "at-1", string? refreshToken = "rt-1") =>
        SeedAsync(new TokenSet
        {
            AccessToken = accessToken,
            RefreshToken = refreshToken,
            ExpiresAt = Time.GetUtcNow() + expiresIn,
            Scope = "openid photos",
            Issuer = TestOptions.Issuer,
            Subject = "alice",
        });

    public async Task<TokenSet> SeedAsync(TokenSet tokens)
    {
        await Store.SetAsync(SessionId, tokens, CancellationToken.None);
        return tokens;
    }

    public Task<AccessTokenResult> GetAsync(string? rejected = null) => Service.GetAccessTokenAsync(SessionId, rejected, CancellationToken.None);

    public Task<TokenSet?> StoredAsync() => Store.GetAsync(SessionId, CancellationToken.None);

    public string IdToken(string subject) =>
        TestKeys.Sign(TestKeys.IdTokenClaims(Time.GetUtcNow(), nonce: null, subject: subject), SigningKey, SecurityAlgorithms.RsaSha256);
}
