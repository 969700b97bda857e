using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.UnitTests.Tokens;

/// <summary>What the token request event shows of the form: only fields that cannot be credentials, in plain text.</summary>
public sealed class TokenRequestEventRedaction
{
    [Fact]
    public void Protocol_fields_are_plain_and_credentials_and_additional_parameters_are_redacted()
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["redirect_uri"] = "https://app.example/callback",
            ["code"] = "code-0123456789",
            ["code_verifier"] = "verifier-0123456789",
            ["client_secret"] = "secret-0123456789",
            ["api_key"] = "configured-secret-0123456789",
        };

        var shown = TokenEventDescriptions.Form(form).ToDictionary(p => p.Name);

        Assert.Equal("authorization_code", shown["grant_type"].Value);
        Assert.Equal("https://app.example/callback", shown["redirect_uri"].Value);
        foreach (var hidden in (string[])["code", "code_verifier", "client_secret", "api_key"])
        {
            Assert.Null(shown[hidden].Value);
            Assert.DoesNotContain(form[hidden], shown[hidden].Display, StringComparison.Ordinal);
        }
    }
}
