using OAuthWebClient.Client.Login;

namespace OAuthWebClient.UnitTests.Login;

public sealed class LoginHintAcceptance
{
    [Fact]
    public void An_ordinary_hint_is_sent_trimmed()
    {
        Assert.Equal("alice@example.com", LoginHint.Accept(" alice@example.com ", out var refused));
        Assert.False(refused);
    }

    [Fact]
    public void No_hint_is_not_a_refusal()
    {
        Assert.Null(LoginHint.Accept(null, out var refused));
        Assert.False(refused);
        Assert.Null(LoginHint.Accept("  ", out refused));
        Assert.False(refused);
    }

    [Fact]
    public void A_hint_of_256_characters_is_sent_and_one_of_257_is_refused()
    {
        Assert.NotNull(LoginHint.Accept(new string('a', 256), out _));

        Assert.Null(LoginHint.Accept(new string('a', 257), out var refused));
        Assert.True(refused);
    }

    [Theory]
    [InlineData("alice\r\nSet-Cookie: x=1")]
    [InlineData("alice\0")]
    [InlineData("al\u0085ice")]
    public void A_hint_with_control_characters_is_refused(string hint)
    {
        Assert.Null(LoginHint.Accept(hint, out var refused));
        Assert.True(refused);
    }
}
