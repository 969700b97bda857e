using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class PkceVerifierValidation
{
    [Theory]
    [InlineData(43)]
    [InlineData(128)]
    public void Verifier_at_the_length_limits_is_accepted(int length)
    {
        Assert.True(Pkce.IsValidVerifier(new string('a', length)));
    }

    [Theory]
    [InlineData(42)]
    [InlineData(129)]
    [InlineData(0)]
    public void Verifier_outside_43_to_128_chars_is_rejected(int length)
    {
        Assert.False(Pkce.IsValidVerifier(new string('a', length)));
    }

    [Fact]
    public void Every_unreserved_punctuation_char_is_accepted()
    {
        Assert.True(Pkce.IsValidVerifier(new string('a', 39) + "-._~"));
    }

    [Theory]
    [InlineData('+')]
    [InlineData('/')]
    [InlineData('=')]
    [InlineData(' ')]
    [InlineData('%')]
    [InlineData('é')]
    [InlineData('٣')]
    public void A_char_outside_the_unreserved_set_is_rejected(char c)
    {
        Assert.False(Pkce.IsValidVerifier(new string('a', 42) + c));
    }
}
