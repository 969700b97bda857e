using System.Text;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.UnitTests.Tokens;

public sealed class TokenResponseParsing
{
    private static TokenEndpointResult Parse(int status, string body) => TokenResponseParser.Parse(status, Encoding.UTF8.GetBytes(body));

    private static void AssertMalformed(TokenEndpointResult result)
    {
        Assert.Equal(TokenRequestFailure.Malformed, result.Failure);
        Assert.Null(result.Response);
        Assert.False(result.Succeeded);
    }

    [Theory]
    [InlineData("<html>Internal Server Error</html>")]
    [InlineData("{}")]
    public void A_failed_pushed_request_names_the_pushed_authorization_endpoint_not_the_token_endpoint(string body)
    {
        var pushed = TokenResponseParser.ParsePushed(500, System.Text.Encoding.UTF8.GetBytes(body));
        var token = TokenResponseParser.Parse(500, System.Text.Encoding.UTF8.GetBytes(body));

        Assert.Equal("The pushed authorization endpoint answered HTTP 500 without an OAuth error.", pushed.Error);
        Assert.Equal("The token endpoint answered HTTP 500 without an OAuth error.", token.Error);
    }

    [Fact]
    public void Minimal_valid_response_is_accepted_with_absent_members_null()
    {
        var result = Parse(200, """{"access_token":"at-1","token_type":"Bearer"}""");

        Assert.True(result.Succeeded);
        Assert.Null(result.Failure);
        Assert.Equal("at-1", result.Response!.AccessToken);
        Assert.Null(result.Response.ExpiresIn);
        Assert.Null(result.Response.RefreshToken);
        Assert.Null(result.Response.IdToken);
        Assert.Null(result.Response.Scope);
    }

    [Fact]
    public void Full_response_is_read()
    {
        var result = Parse(200, """{"access_token":"at","token_type":"bearer","expires_in":3600,"refresh_token":"rt","id_token":"a.b.c","scope":"openid photos","extra":{"x":1}}""");

        var response = Assert.IsType<TokenResponse>(result.Response);
        Assert.Equal(TimeSpan.FromHours(1), response.ExpiresIn);
        Assert.Equal("rt", response.RefreshToken);
        Assert.Equal("a.b.c", response.IdToken);
        Assert.Equal("openid photos", response.Scope);
    }

    [Theory]
    [InlineData("BEARER")]
    [InlineData("bearer")]
    public void Token_type_bearer_is_accepted_in_any_case(string tokenType)
    {
        Assert.True(Parse(200, $$"""{"access_token":"at","token_type":"{{tokenType}}"}""").Succeeded);
    }

    [Theory]
    [InlineData("DPoP", "DPoP")]
    [InlineData("dpop", "DPoP")]
    [InlineData("Bearer", "Bearer")]
    public void Token_type_dpop_is_accepted_and_named_canonically(string tokenType, string expected)
    {
        Assert.Equal(expected, Parse(200, $$"""{"access_token":"at","token_type":"{{tokenType}}"}""").Response!.TokenType);
    }

    [Theory]
    [InlineData("""{"access_token":"at","token_type":"mac"}""")]
    [InlineData("""{"access_token":"at","token_type":"MAC"}""")]
    [InlineData("""{"access_token":"at"}""")]
    [InlineData("""{"access_token":"at","token_type":1}""")]
    public void Token_type_other_than_bearer_or_absent_is_malformed(string body)
    {
        AssertMalformed(Parse(200, body));
    }

    [Theory]
    [InlineData("""{"token_type":"Bearer"}""")]
    [InlineData("""{"access_token":12345,"token_type":"Bearer"}""")]
    [InlineData("""{"access_token":"","token_type":"Bearer"}""")]
    [InlineData("""{"access_token":null,"token_type":"Bearer"}""")]
    public void Missing_or_non_string_access_token_is_malformed(string body)
    {
        AssertMalformed(Parse(200, body));
    }

    [Theory]
    [InlineData("\"3600\"")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    public void Expires_in_that_is_not_a_positive_whole_number_is_malformed(string expiresIn)
    {
        AssertMalformed(Parse(200, $$"""{"access_token":"at","token_type":"Bearer","expires_in":{{expiresIn}}}"""));
    }

    [Theory]
    [InlineData("refresh_token")]
    [InlineData("id_token")]
    [InlineData("scope")]
    public void Optional_member_that_is_not_a_string_is_malformed(string member)
    {
        AssertMalformed(Parse(200, $$"""{"access_token":"at","token_type":"Bearer","{{member}}":42}"""));
    }

    [Fact]
    public void Null_refresh_token_is_read_as_absent()
    {
        Assert.Null(Parse(200, """{"access_token":"at","token_type":"Bearer","refresh_token":null}""").Response!.RefreshToken);
    }

    [Fact]
    public void Http_400_with_an_oauth_error_is_rejected_with_code_and_description()
    {
        var result = Parse(400, """{"error":"invalid_grant","error_description":"x"}""");

        Assert.Equal(TokenRequestFailure.Rejected, result.Failure);
        Assert.Equal("invalid_grant", result.Error);
        Assert.Equal("x", result.ErrorDescription);
    }

    [Fact]
    public void Http_200_with_an_error_member_is_rejected_even_with_an_access_token()
    {
        var result = Parse(200, """{"error":"invalid_request","access_token":"at","token_type":"Bearer"}""");

        Assert.Equal(TokenRequestFailure.Rejected, result.Failure);
        Assert.Equal("invalid_request", result.Error);
        Assert.Null(result.Response);
    }

    [Theory]
    [InlineData("""{"error":42}""")]
    [InlineData("""{"error":""}""")]
    [InlineData("""{"error":null}""")]
    public void Error_member_that_is_not_a_non_empty_string_is_malformed(string body)
    {
        AssertMalformed(Parse(400, body));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"str\"")]
    [InlineData("42")]
    [InlineData("""{"access_token":""")]
    [InlineData("<html><body>Welcome</body></html>")]
    [InlineData("")]
    public void Body_that_is_not_a_json_object_is_malformed(string body)
    {
        AssertMalformed(Parse(200, body));
    }

    [Fact]
    public void Http_500_with_an_html_page_is_malformed()
    {
        var result = Parse(500, "<html><body><h1>Internal Server Error</h1></body></html>");

        AssertMalformed(result);
        Assert.Contains("500", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_error_status_with_a_success_shaped_body_is_malformed()
    {
        AssertMalformed(Parse(502, """{"access_token":"at","token_type":"Bearer"}"""));
    }

    [Fact]
    public void Error_code_and_description_longer_than_200_chars_are_truncated()
    {
        var longCode = new string('e', 500);
        var longDescription = new string('d', 5000);

        var result = Parse(400, $$"""{"error":"{{longCode}}","error_description":"{{longDescription}}"}""");

        Assert.Equal(TokenRequestFailure.Rejected, result.Failure);
        Assert.Equal(new string('e', 200), result.Error);
        Assert.Equal(new string('d', 200), result.ErrorDescription);
    }

    [Fact]
    public void Malformed_reason_never_echoes_the_body()
    {
        var result = Parse(200, """{"access_token":"secret-token-value","token_type":"mac"}""");

        AssertMalformed(result);
        Assert.DoesNotContain("secret-token-value", result.Error, StringComparison.Ordinal);
    }
}
