using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class PkceChallengeComputation
{
    [Fact]
    public void Challenge_of_the_RFC_7636_appendix_B_verifier_is_the_published_value()
    {
        var challenge = Pkce.ComputeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        Assert.Equal("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", challenge);
    }

    [Fact]
    public void Challenge_is_base64url_without_padding()
    {
        var challenge = Pkce.ComputeChallenge(Pkce.CreateVerifier());

        Assert.Equal(43, challenge.Length);
        Assert.DoesNotContain('=', challenge);
        Assert.DoesNotContain('+', challenge);
        Assert.DoesNotContain('/', challenge);
    }

    [Fact]
    public void Different_verifiers_give_different_challenges()
    {
        Assert.NotEqual(
            Pkce.ComputeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            Pkce.ComputeChallenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXl"));
    }

    [Fact]
    public void Empty_verifier_is_refused()
    {
        Assert.ThrowsAny<ArgumentException>(() => Pkce.ComputeChallenge(""));
    }
}
