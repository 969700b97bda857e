using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class PkceVerifierCreation
{
    private const string Unreserved = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";

    [Fact]
    public void Verifier_is_43_to_128_chars_of_the_unreserved_set()
    {
        for (var i = 0; i < 100; i++)
        {
            var verifier = Pkce.CreateVerifier();

            Assert.InRange(verifier.Length, 43, 128);
            Assert.All(verifier, c => Assert.Contains(c, Unreserved));
        }
    }

    [Fact]
    public void Created_verifier_passes_its_own_validation()
    {
        Assert.True(Pkce.IsValidVerifier(Pkce.CreateVerifier()));
    }

    [Fact]
    public void A_thousand_verifiers_are_all_different()
    {
        var verifiers = Enumerable.Range(0, 1000).Select(_ => Pkce.CreateVerifier()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, verifiers.Count);
    }
}
