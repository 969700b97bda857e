using System.Text;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>
/// Malformed encodings inside a token or error response — invalid UTF-8, lone surrogate escapes, numbers beyond any
/// range, nesting deeper than the reader allows — are a <see cref="TokenRequestFailure.Malformed"/> result, never an
/// exception that would become a 500 at the callback.
/// </summary>
public sealed class TokenResponseEncodings
{
    [Theory]
    [InlineData(200, "{\"access_token\":\"\\ud800\",\"token_type\":\"Bearer\"}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"\\udfff\"}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"refresh_token\":\"\\ud83d\"}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"scope\":\"\\udc00 photos\"}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"id_token\":\"\\ud800\\ud800\"}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":1e400}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":99999999999999999999999}")]
    [InlineData(200, "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"expires_in\":-1e400}")]
    [InlineData(400, "{\"error\":\"\\ud800\"}")]
    [InlineData(400, "{\"error\":\"invalid_grant\",\"error_description\":\"\\udfff\"}")]
    public void Invalid_escapes_and_numbers_out_of_range_are_malformed_not_a_crash(int status, string json)
    {
        var result = TokenResponseParser.Parse(status, Encoding.UTF8.GetBytes(json));

        Assert.Equal(TokenRequestFailure.Malformed, result.Failure);
        Assert.Null(result.Response);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x61, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D })] // {"a\xFF\xFE":1}
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x72, 0x72, 0x6F, 0x72, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })] // {"error":"\xC3("}
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, 0x7B, 0x7D })] // two byte-order marks
    public void Invalid_utf8_is_malformed_not_a_crash(byte[] body)
    {
        var result = TokenResponseParser.Parse(200, body);

        Assert.Equal(TokenRequestFailure.Malformed, result.Failure);
    }

    [Fact]
    public void Nesting_deeper_than_the_reader_allows_is_malformed()
    {
        var json = "{\"access_token\":\"at\",\"token_type\":\"Bearer\",\"x\":" + new string('[', 200) + new string(']', 200) + "}";

        Assert.Equal(TokenRequestFailure.Malformed, TokenResponseParser.Parse(200, Encoding.UTF8.GetBytes(json)).Failure);
    }
}
