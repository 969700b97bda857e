using OAuthWebClient.Client.Claims;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Testing;
using System.Net;
using Microsoft.AspNetCore.Http;
using OAuthWebClient.Client.Session;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>The user token service over an in-memory store and a scripted token endpoint.</summary>
internal sealed class TokenServiceFixture
{
    public const string SessionId = "session-1";

    public TokenServiceFixture(Action<OAuthClientOptions>? configure = null)
    {
        Server.On(TestOptions.JwksPath, _ => ScriptedAuthorizationServer.Json(HttpStatusCode.OK, TestKeys.Jwks(TestKeys.RsaJwk(SigningKey))));
        Options = TestOptions.Manual(o =>
        {
            o.Endpoints.RevocationEndpoint = TestOptions.RevocationEndpoint;
            configure?.Invoke(o);
        });
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var metadata = new ServerMetadataProvider(options, Server.CreateHttpClientFactory(), Time, new ServerClock(Time));
        Store = new InMemoryTokenStore(Time, options);
        var tokenEndpoint = TestCalls.TokenEndpoint(new HttpClient(Server.CreateHandler()), Time, options);
        var sessionTokens = new SessionTokens(Store);
        var validator = new IdTokenValidator(metadata, Time, TestCalls.NoEvents, options);
        var providers = TestProviders.Single(keyed => keyed
            .AddKeyedSingleton(OAuthClientDefaults.DefaultProvider, metadata)
            .AddKeyedSingleton(OAuthClientDefaults.DefaultProvider, tokenEndpoint)
            .AddKeyedSingleton(OAuthClientDefaults.DefaultProvider, new TokenRefresher(sessionTokens, tokenEndpoint, metadata, validator, TestCalls.NoEvents, Time, options, NullLogger<TokenRefresher>.Instance,
                new SignInClaims(new UserInfoClient(Server.CreateHttpClientFactory(), options, NullLogger<UserInfoClient>.Instance), options, NullLogger<SignInClaims>.Instance), OAuthClientDefaults.DefaultProvider)));
        Service = new UserTokenService(
            sessionTokens,
            new RefreshCoordinator(new LocalRefreshLease(), Time, options, TestCalls.NoEvents),
            providers,
            new TokenRevoker(sessionTokens, providers, TestCalls.NoEvents),
            Time,
            options);
    }

    public static RsaSecurityKey SigningKey { get; } = TestKeys.NewRsa("ts-rsa-1");

    public FakeTimeProvider Time { get; } = new(TestOptions.Start);

    public ScriptedAuthorizationServer Server { get; } = TestOptions.Server();

    public OAuthClientOptions Options { get; }

    public InMemoryTokenStore Store { get; }

    public UserTokenService Service { get; }

    public int TokenCalls => Server.Count(TestOptions.TokenPath);

    public void TokenEndpointAnswers(HttpStatusCode status, string json) => Server.On(TestOptions.TokenPath, _ => ScriptedAuthorizationServer.Json(status, json));

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

    /// <summary>As a request of the signed-in session would: with a token a resource server refused, a conditional refresh.</summary>
    public Task<UserTokenResult> GetAsync(string? rejected = null) =>
        rejected is null ? Service.GetAccessTokenAsync(Request(SessionId)) : Service.RefreshAsync(Request(SessionId), rejected);

    public Task RevokeAsync(string sessionId = SessionId) => Service.RevokeAsync(Request(sessionId));

    /// <summary>A new request, signed in as <paramref name="sessionId"/>.</summary>
    public static DefaultHttpContext Request(string sessionId) => new() { User = SessionClaims.CreatePrincipal(sessionId, "Alice") };

    public Task<TokenSet?> StoredAsync() => Store.GetAsync(SessionId, CancellationToken.None);

    public string IdToken(string subject) =>
        TestKeys.Sign(TestKeys.IdTokenClaims(Time.GetUtcNow(), nonce: null, subject: subject), SigningKey, SecurityAlgorithms.RsaSha256);
}
