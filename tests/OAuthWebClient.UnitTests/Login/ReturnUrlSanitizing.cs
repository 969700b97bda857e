using OAuthWebClient.Client.Login;
using OAuthWebClient.Login;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Login;

public sealed class ReturnUrlSanitizing
{
    [Theory]
    [InlineData("//evil.example")]
    [InlineData("//evil.example/photos")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil")]
    [InlineData("\\/evil.example")]
    [InlineData("https:evil")]
    [InlineData("https://evil.example/x")]
    [InlineData("javascript:alert(1)")]
    [InlineData("%2F%2Fevil")]
    [InlineData("evil.example")]
    [InlineData(" /photos")]
    public void Url_that_can_leave_the_site_becomes_home(string returnUrl)
    {
        Assert.Equal("/", ReturnUrl.Sanitize(returnUrl));
    }

    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("/\r\n/evil.example")]
    [InlineData("/photos\\..\\\\evil")]
    [InlineData("/photos\0")]
    public void Control_chars_and_backslashes_that_browsers_strip_or_rewrite_make_it_home(string returnUrl)
    {
        Assert.Equal("/", ReturnUrl.Sanitize(returnUrl));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Missing_url_becomes_home(string? returnUrl)
    {
        Assert.Equal("/", ReturnUrl.Sanitize(returnUrl));
    }

    [Fact]
    public void Overlong_path_becomes_home()
    {
        Assert.Equal("/", ReturnUrl.Sanitize("/" + new string('a', 2999)));
    }

    [Theory]
    [InlineData("/photos?x=1")]
    [InlineData("/photos/abc")]
    [InlineData("/")]
    [InlineData("/photos?page=2&sort=date#top")]
    public void Plain_local_path_is_kept_unchanged(string returnUrl)
    {
        Assert.Equal(returnUrl, ReturnUrl.Sanitize(returnUrl));
    }

    [Fact]
    public void Percent_encoded_tab_is_kept_because_browsers_do_not_decode_it_before_parsing()
    {
        // "/%09/evil" resolves to the path "/%09/evil" on this site: the URL parser strips literal tabs, not escapes.
        Assert.Equal("/%09/evil", ReturnUrl.Sanitize("/%09/evil"));
    }
}
