using System.Net;
using OAuthWebClient.Photos;
using OAuthWebClient.Client.Api;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Photos;

/// <summary>
/// RFC 6750 §3 / RFC 9110 §11.2: the Bearer challenge's parameters are read exactly — by name, token or quoted-string,
/// escapes honoured — and a hostile header yields nothing rather than a wrong answer or an exception.
/// </summary>
public sealed class BearerChallengeParsing
{
    [Theory]
    [InlineData("error=\"invalid_token\"", "invalid_token")]
    [InlineData("realm=\"photos\", error=\"invalid_token\", error_description=\"expired\"", "invalid_token")]
    [InlineData("error=invalid_token", "invalid_token")]
    [InlineData("ERROR = \"invalid_token\"", "invalid_token")]
    [InlineData("error_description=\"a \\\"quoted\\\" word\", error=\"invalid_token\"", "invalid_token")]
    [InlineData(",, error=\"invalid_token\" ,", "invalid_token")]
    public void The_error_parameter_is_read(string parameters, string expected) =>
        Assert.Equal(expected, BearerChallenge.Find(parameters, "error"));

    [Theory]
    [InlineData("xerror=\"invalid_token\"")]
    [InlineData("error_description=\"error=\\\"invalid_token\\\"\"")]
    [InlineData("realm=\"error=invalid_token\"")]
    [InlineData("error=\"invalid_token")]
    [InlineData("error=")]
    [InlineData("error")]
    [InlineData("dG9rZW42OA==")]
    [InlineData("\"error\"=\"invalid_token\"")]
    [InlineData("@@@ error=\"invalid_token\"")]
    [InlineData("")]
    public void A_look_alike_or_malformed_error_parameter_reads_as_none(string parameters) =>
        Assert.Null(BearerChallenge.Find(parameters, "error"));

    [Fact]
    public void An_escaped_scope_value_is_unescaped()
    {
        Assert.Equal("photos \"admin\"", BearerChallenge.Find("error=\"insufficient_scope\", scope=\"photos \\\"admin\\\"\"", "scope"));
    }

    [Fact]
    public void An_enormous_or_unterminated_value_is_read_in_one_pass_without_failing()
    {
        var huge = new string('x', 1_000_000);
        var repeated = string.Concat(Enumerable.Repeat(", scope=\"", 100_000));

        Assert.Equal(huge, BearerChallenge.Find("error=\"invalid_token\", scope=\"" + huge + "\"", "scope"));
        Assert.Null(BearerChallenge.Find("error=\"insufficient_scope\", scope=\"" + huge, "scope"));
        Assert.Null(BearerChallenge.Find("error=\"insufficient_scope\"" + repeated, "error_description"));
        Assert.Null(BearerChallenge.Find("scope=\"" + new string('\\', 1_000_001), "scope"));
    }

    [Theory]
    [InlineData("Bearer error=\"invalid_token\"", true)]
    [InlineData("Bearer error=invalid_token", true)]
    [InlineData("Bearer xerror=\"invalid_token\"", false)]
    [InlineData("Basic realm=\"photos\", Bearer error=\"invalid_token\"", true)]
    [InlineData("Basic error=\"invalid_token\"", false)]
    [InlineData("Bearer", false)]
    [InlineData("Bearer realm=\"photos\"", false)]
    [InlineData("@@@ ,,, === }{ \"", false)]
    public void Only_a_bearer_challenge_names_the_error(string header, bool expected)
    {
        using var response = new HttpResponseMessage(HttpStatusCode.Unauthorized);
        Assert.True(response.Headers.TryAddWithoutValidation("WWW-Authenticate", header));

        Assert.Equal(expected, BearerChallenge.HasError(response, "invalid_token"));
    }
}
