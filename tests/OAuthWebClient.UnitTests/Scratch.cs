using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.UnitTests.Callback;
using OAuthWebClient.UnitTests.TestSupport;

namespace OAuthWebClient.UnitTests;

public sealed class Scratch
{
    [Fact]
    public async Task Show()
    {
        var fixture = new IdTokenFixture();
        var server = await fixture.Metadata.GetAsync(CancellationToken.None);
        var token = TestKeys.Sign(fixture.Claims(), IdTokenFixture.RotatedRsa, SecurityAlgorithms.RsaSha256);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = server.Issuer, ValidAudience = TestOptions.ClientId, IssuerSigningKeys = server.SigningKeys,
            ValidAlgorithms = ["RS256"], LifetimeValidator = (_, _, _, _) => true,
        });
        Assert.Fail(result.Exception?.GetType().FullName + " :: " + result.Exception?.Message + " :: " + result.Exception?.InnerException?.GetType());
    }
}
