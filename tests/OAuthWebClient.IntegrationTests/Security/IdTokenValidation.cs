using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// OIDC Core §3.1.3.7: an ID token signs the person in only when its algorithm is on the allow-list (asymmetric by
/// default), its signature verifies against the JWKS, iss is the issuer, aud holds the client id (azp when several),
/// exp and iat are within the skew, the nonce is the one sent, and sub is present. Anything else: 502, no session.
/// </summary>
public sealed class IdTokenValidation : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    private ScriptedAuthorizationServer Server => _host.Server;

    private DateTimeOffset Now => _host.Time.GetUtcNow();

    [Fact]
    public async Task Id_token_signed_with_alg_none_is_rejected()
    {
        var page = await SignInWithIdTokenAsync(_host, request => ScriptedAuthorizationServer.UnsignedIdToken(Server.IdTokenClaims(request)));

        AssertRejected(_host, page);
    }

    [Fact]
    public async Task Id_token_signed_with_HS256_and_the_client_secret_is_rejected_unless_configured()
    {
        var page = await SignInWithIdTokenAsync(_host, request => Server.SignIdToken(Server.IdTokenClaims(request), ClientSecretKey(), SecurityAlgorithms.HmacSha256));

        AssertRejected(_host, page);
    }

    [Fact]
    public async Task Id_token_signed_with_HS256_and_the_client_secret_is_accepted_when_configured()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?> { ["OAuth:IdTokenSigningAlgorithms:0"] = "HS256" });

        var page = await SignInWithIdTokenAsync(host, request => host.Server.SignIdToken(host.Server.IdTokenClaims(request), ClientSecretKey(), SecurityAlgorithms.HmacSha256));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(1, host.Sessions.SessionsCreated);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Id_token_signed_with_a_symmetric_key_published_in_the_jwks_is_rejected(bool hs256Configured)
    {
        // A JWKS is public: a symmetric key in it lets anyone mint ID tokens.
        await using var host = new ScriptedClientHost(settings: hs256Configured ? new Dictionary<string, string?> { ["OAuth:IdTokenSigningAlgorithms:0"] = "HS256" } : null);
        var published = new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(32)) { KeyId = "oct-1" };
        host.Server.PublishKeys(host.Server.SigningKey, published);

        var page = await SignInWithIdTokenAsync(host, request => host.Server.SignIdToken(host.Server.IdTokenClaims(request), published, SecurityAlgorithms.HmacSha256));

        AssertRejected(host, page);
    }

    [Fact]
    public async Task Id_token_signed_with_HS256_using_the_servers_public_rsa_key_as_secret_is_rejected()
    {
        // Algorithm confusion: the verifier must not treat the published RSA key as an HMAC secret.
        var confused = new SymmetricSecurityKey(Server.SigningKey.Rsa.ExportSubjectPublicKeyInfo()) { KeyId = Server.SigningKey.KeyId };

        var page = await SignInWithIdTokenAsync(_host, request => Server.SignIdToken(Server.IdTokenClaims(request), confused, SecurityAlgorithms.HmacSha256));

        AssertRejected(_host, page);
    }

    [Fact]
    public async Task Id_token_signed_by_an_attackers_key_under_the_servers_kid_is_rejected()
    {
        var forger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = Server.SigningKey.KeyId };

        var page = await SignInWithIdTokenAsync(_host, request => Server.SignIdToken(Server.IdTokenClaims(request), forger));

        AssertRejected(_host, page);
    }

    [Fact]
    public async Task Id_token_with_a_tampered_payload_is_rejected()
    {
        var page = await SignInWithIdTokenAsync(_host, request =>
        {
            var parts = Server.SignIdToken(Server.IdTokenClaims(request)).Split('.');
            var claims = Server.IdTokenClaims(request);
            claims["sub"] = "admin";
            return parts[0] + "." + Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(claims)) + "." + parts[2];
        });

        AssertRejected(_host, page);
    }

    [Fact]
    public async Task Id_token_that_is_not_a_jwt_is_rejected()
    {
        var page = await SignInWithIdTokenAsync(_host, _ => "not-a-jwt");

        AssertRejected(_host, page);
    }

    public static TheoryData<string> ClaimAttacks =>
    [
        "iss of another server",
        "iss with a trailing path",
        "aud of another client",
        "several audiences without azp",
        "azp naming another client",
        "expired beyond the skew",
        "no exp",
        "iat in the future beyond the skew",
        "no iat",
        "nbf in the future beyond the skew",
        "nonce of another sign-in",
        "no nonce",
        "no sub",
        "empty sub",
    ];

    [Theory]
    [MemberData(nameof(ClaimAttacks))]
    public async Task Id_token_with_a_forged_or_missing_claim_is_rejected(string attack)
    {
        var page = await SignInWithIdTokenAsync(_host, request =>
        {
            var claims = Server.IdTokenClaims(request);
            var now = Now;
            switch (attack)
            {
                case "iss of another server": claims["iss"] = "http://attacker.example/"; break;
                case "iss with a trailing path": claims["iss"] = Server.Issuer + "other"; break;
                case "aud of another client": claims["aud"] = "another-client"; break;
                case "several audiences without azp": claims["aud"] = new[] { ScriptedAuthorizationServer.ClientId, "another-client" }; break;
                case "azp naming another client": claims["azp"] = "another-client"; break;
                case "expired beyond the skew": claims["exp"] = now.AddMinutes(-6).ToUnixTimeSeconds(); claims["iat"] = now.AddMinutes(-20).ToUnixTimeSeconds(); break;
                case "no exp": claims.Remove("exp"); break;
                case "iat in the future beyond the skew": claims["iat"] = now.AddMinutes(6).ToUnixTimeSeconds(); claims["exp"] = now.AddMinutes(20).ToUnixTimeSeconds(); break;
                case "no iat": claims.Remove("iat"); break;
                case "nbf in the future beyond the skew": claims["nbf"] = now.AddMinutes(6).ToUnixTimeSeconds(); break;
                case "nonce of another sign-in": claims["nonce"] = "nonce-from-the-attackers-own-sign-in"; break;
                case "no nonce": claims.Remove("nonce"); break;
                case "no sub": claims.Remove("sub"); break;
                case "empty sub": claims["sub"] = ""; break;
                default: throw new ArgumentOutOfRangeException(nameof(attack), attack, null);
            }

            return Server.SignIdToken(claims);
        });

        AssertRejected(_host, page);
    }

    [Fact]
    public async Task Id_token_with_several_audiences_and_this_client_as_azp_is_accepted()
    {
        var page = await SignInWithIdTokenAsync(_host, request =>
        {
            var claims = Server.IdTokenClaims(request);
            claims["aud"] = new[] { ScriptedAuthorizationServer.ClientId, "photos-api" };
            claims["azp"] = ScriptedAuthorizationServer.ClientId;
            return Server.SignIdToken(claims);
        });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    [Fact]
    public async Task Id_token_expired_within_the_default_five_minute_skew_is_accepted()
    {
        var page = await SignInWithIdTokenAsync(_host, request =>
        {
            var claims = Server.IdTokenClaims(request);
            claims["iat"] = Now.AddMinutes(-10).ToUnixTimeSeconds();
            claims["exp"] = Now.AddMinutes(-4).ToUnixTimeSeconds();
            return Server.SignIdToken(claims);
        });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    [Fact]
    public async Task Id_token_expired_beyond_a_configured_one_minute_skew_is_rejected()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?> { ["OAuth:ClockSkew"] = "00:01:00" });

        var page = await SignInWithIdTokenAsync(host, request =>
        {
            var claims = host.Server.IdTokenClaims(request);
            claims["iat"] = host.Time.GetUtcNow().AddMinutes(-10).ToUnixTimeSeconds();
            claims["exp"] = host.Time.GetUtcNow().AddMinutes(-2).ToUnixTimeSeconds();
            return host.Server.SignIdToken(claims);
        });

        AssertRejected(host, page);
    }

    [Fact]
    public async Task Id_token_signed_with_es256_from_the_jwks_is_accepted()
    {
        var ec = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-1" };
        Server.PublishKeys(Server.SigningKey, ec);

        var page = await SignInWithIdTokenAsync(_host, request => Server.SignIdToken(Server.IdTokenClaims(request), ec, SecurityAlgorithms.EcdsaSha256));

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
    }

    [Fact]
    public async Task Id_token_signed_with_an_algorithm_left_off_a_narrowed_allow_list_is_rejected()
    {
        await using var host = new ScriptedClientHost(settings: new Dictionary<string, string?> { ["OAuth:IdTokenSigningAlgorithms:0"] = "ES256" });

        var page = await SignInWithIdTokenAsync(host, request => host.Server.SignIdToken(host.Server.IdTokenClaims(request)));

        AssertRejected(host, page);
    }

    internal static async Task<BrowserPage> SignInWithIdTokenAsync(ScriptedClientHost host, Func<ScriptedTokenRequest, string> idToken)
    {
        host.Server.RespondToTokenRequests(request =>
        {
            var members = host.Server.TokenResponseMembers(request);
            members["id_token"] = idToken(request);
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });
        var browser = host.NewBrowser();
        return await host.CallbackAsync(browser, await host.BeginSignInAsync(browser));
    }

    internal static void AssertRejected(ScriptedClientHost host, BrowserPage page)
    {
        Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        Assert.Contains("identity token", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, host.Sessions.SessionsCreated);
    }

    private static SymmetricSecurityKey ClientSecretKey() => new(Encoding.UTF8.GetBytes(ScriptedAuthorizationServer.ClientSecret));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
