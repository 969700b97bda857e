using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// OIDC Core §10.1: an ID token may come without <c>kid</c>. With one published key it is that key; with several,
/// the one whose signature verifies. A token no published key verifies is the usual 502, never a 500.
/// </summary>
public sealed class IdTokenWithoutKid : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    private ScriptedAuthorizationServer Server => _host.Server;

    [Fact]
    public async Task Id_token_without_kid_signs_in_when_the_jwks_has_a_single_key()
    {
        var page = await SignInSignedWithAsync(WithoutKid(Server.SigningKey));

        AssertSignedIn(page);
    }

    [Fact]
    public async Task Id_token_without_kid_signs_in_when_neither_the_token_nor_the_jwks_names_a_kid()
    {
        Server.PublishKeys(WithoutKid(Server.SigningKey));

        var page = await SignInSignedWithAsync(WithoutKid(Server.SigningKey));

        AssertSignedIn(page);
    }

    [Fact]
    public async Task Id_token_without_kid_signed_by_the_second_of_two_rsa_keys_signs_in()
    {
        var second = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-2" };
        Server.PublishKeys(Server.SigningKey, second);

        var page = await SignInSignedWithAsync(WithoutKid(second));

        AssertSignedIn(page);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    public async Task Id_token_without_kid_signs_in_from_a_jwks_with_an_rsa_and_an_ec_key(string algorithm)
    {
        var ec = new ECDsaSecurityKey(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "ec-1" };
        Server.PublishKeys(Server.SigningKey, ec);
        SecurityKey key = algorithm == SecurityAlgorithms.EcdsaSha256 ? new ECDsaSecurityKey(ec.ECDsa) : WithoutKid(Server.SigningKey);

        var page = await SignInSignedWithAsync(key, algorithm);

        AssertSignedIn(page);
    }

    [Fact]
    public async Task Id_token_without_kid_that_no_published_key_verifies_is_rejected()
    {
        Server.PublishKeys(Server.SigningKey, new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-2" });

        var page = await SignInSignedWithAsync(new RsaSecurityKey(RSA.Create(2048)));

        IdTokenValidation.AssertRejected(_host, page);
    }

    private Task<BrowserPage> SignInSignedWithAsync(SecurityKey key, string algorithm = SecurityAlgorithms.RsaSha256) =>
        IdTokenValidation.SignInWithIdTokenAsync(_host, request => Server.SignIdToken(Server.IdTokenClaims(request), key, algorithm));

    /// <summary>The same key material without an id: the token header (and a JWK made from it) carries no kid.</summary>
    private static RsaSecurityKey WithoutKid(RsaSecurityKey key) => new(key.Rsa);

    private void AssertSignedIn(BrowserPage page)
    {
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
