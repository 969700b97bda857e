using System.Net;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>OIDC Core §12.2: an ID token from a refresh must name the same issuer and subject.</summary>
public sealed class RefreshedIdentityCheck
{
    [Fact]
    public async Task Refreshed_id_token_for_the_same_subject_is_kept()
    {
        var fixture = new TokenServiceFixture();
        var idToken = fixture.IdToken("alice");
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, $$"""{"access_token":"at-2","token_type":"Bearer","id_token":"{{idToken}}"}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(10));

        var result = await fixture.GetAsync();

        Assert.Null(result.Failure);
        Assert.Equal(idToken, (await fixture.StoredAsync())!.IdToken);
    }

    [Fact]
    public async Task Refreshed_id_token_for_another_subject_ends_the_session()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, $$"""{"access_token":"at-2","token_type":"Bearer","id_token":"{{fixture.IdToken("mallory")}}"}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(10));

        var result = await fixture.GetAsync();

        Assert.Equal(UserTokenFailure.ReauthenticationRequired, result.Failure);
        Assert.Null(await fixture.StoredAsync());
    }

    [Fact]
    public async Task Refreshed_id_token_that_does_not_validate_ends_the_session()
    {
        var fixture = new TokenServiceFixture();
        fixture.TokenEndpointAnswers(HttpStatusCode.OK, """{"access_token":"at-2","token_type":"Bearer","id_token":"not.a.jwt"}""");
        await fixture.SeedAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(UserTokenFailure.ReauthenticationRequired, (await fixture.GetAsync()).Failure);
        Assert.Null(await fixture.StoredAsync());
    }
}
