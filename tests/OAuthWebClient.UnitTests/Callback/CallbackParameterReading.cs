using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Client.Callback;
using OAuthWebClient.Callback;
using OAuthWebClient.Client.Tokens;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.Callback;

public sealed class CallbackParameterReading
{
    internal static CallbackParameters Parse(string query) => CallbackParameters.From(new QueryCollection(QueryHelpers.ParseQuery(query)));

    [Theory]
    [InlineData("?state=a&code=c&state=b", "state")]
    [InlineData("?state=a&code=c1&code=c2", "code")]
    [InlineData("?state=a&code=c&iss=https%3A%2F%2Fas.example&iss=https%3A%2F%2Fevil.example", "iss")]
    [InlineData("?state=a&error=access_denied&error=server_error", "error")]
    [InlineData("?state=a&error=x&error_description=one&error_description=two", "error_description")]
    [InlineData("?state=a&code=c&code=c", "code")]
    public void Repeated_parameter_is_reported_by_name(string query, string duplicate)
    {
        Assert.Equal(duplicate, Parse(query).Duplicate);
    }

    [Fact]
    public void Repeated_parameter_value_is_not_read()
    {
        var parameters = Parse("?state=a&state=b&code=c");

        Assert.Null(parameters.State);
        Assert.Equal("c", parameters.Code);
    }

    [Fact]
    public void Single_values_are_read_and_decoded()
    {
        var parameters = Parse("?state=s%2B1&code=abc&iss=https%3A%2F%2Fas.example&error=invalid_scope&error_description=Bad%20scope&error_uri=https%3A%2F%2Fas.example%2Fe");

        Assert.Null(parameters.Duplicate);
        Assert.Equal("s+1", parameters.State);
        Assert.Equal("abc", parameters.Code);
        Assert.Equal("https://as.example", parameters.Iss);
        Assert.Equal("invalid_scope", parameters.Error);
        Assert.Equal("Bad scope", parameters.ErrorDescription);
        Assert.Equal("https://as.example/e", parameters.ErrorUri);
    }

    [Fact]
    public void Empty_value_is_read_as_absent()
    {
        var parameters = Parse("?state=&code=&iss=");

        Assert.Null(parameters.State);
        Assert.Null(parameters.Code);
        Assert.Null(parameters.Iss);
        Assert.Null(parameters.Duplicate);
    }

    [Fact]
    public void Absent_parameters_are_null()
    {
        var parameters = Parse("?unrelated=1&unrelated=2");

        Assert.Null(parameters.State);
        Assert.Null(parameters.Code);
        Assert.Null(parameters.Error);
        Assert.Null(parameters.Duplicate);
    }
}
