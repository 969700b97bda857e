using System.Net;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// OIDC Core §10.1.1: an ID token with an unknown <c>kid</c> makes the client fetch the JWKS again — once, and
/// rate-limited — so a key rotation works without a restart, and a flood of random kids cannot hammer the server.
/// </summary>
public sealed class SigningKeyRotation : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Fact]
    public async Task Id_token_signed_with_a_newly_rotated_key_is_accepted_without_a_restart()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SignInSignedWithAsync(_host.Server.SigningKey)).Status);
        var fetchesBefore = _host.Server.JwksFetches;
        var rotated = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "rsa-2" };
        _host.Server.PublishKeys(rotated);

        var page = await SignInSignedWithAsync(rotated);

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(fetchesBefore + 1, _host.Server.JwksFetches);
        Assert.Equal(2, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Flood_of_id_tokens_with_random_kids_fetches_the_jwks_at_most_once_more()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await SignInSignedWithAsync(_host.Server.SigningKey)).Status);
        var fetchesBefore = _host.Server.JwksFetches;

        for (var i = 0; i < 20; i++)
        {
            var stranger = new RsaSecurityKey(RSA.Create(2048)) { KeyId = "random-kid-" + i };
            var page = await SignInSignedWithAsync(stranger);
            Assert.Equal(HttpStatusCode.BadGateway, page.Status);
        }

        Assert.InRange(_host.Server.JwksFetches, fetchesBefore, fetchesBefore + 1);
        Assert.Equal(1, _host.Sessions.SessionsCreated);
    }

    private Task<BrowserPage> SignInSignedWithAsync(SecurityKey key) =>
        IdTokenValidation.SignInWithIdTokenAsync(_host, request => _host.Server.SignIdToken(_host.Server.IdTokenClaims(request), key));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
