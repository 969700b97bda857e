using Microsoft.Extensions.Configuration;
using OAuthWebClient.Client;

namespace OAuthWebClient.UnitTests.OAuth;

/// <summary>
/// Configuration values of the wrong kind are reported by key instead of throwing "Failed to convert configuration
/// value"; an empty value (<c>OAuth__BackchannelTimeout=</c>) means "unset" and keeps the default.
/// </summary>
public sealed class SafeBindingOfValues
{
    [Fact]
    public void Empty_values_keep_the_defaults_and_are_no_problem()
    {
        var options = Bind(new()
        {
            ["OAuth:BackchannelTimeout"] = "",
            ["OAuth:ClientAuthentication"] = "",
            ["OAuth:SendIdTokenHintAtLogout"] = "",
            ["OAuth:RequireHttpsMetadata"] = "",
            ["OAuth:Authority"] = "",
        });

        Assert.Empty(SafeBinding.For(options));
        Assert.Equal(TimeSpan.FromSeconds(10), options.BackchannelTimeout);
        Assert.Equal(ClientAuthenticationMethod.ClientSecretBasic, options.ClientAuthentication);
        Assert.Null(options.RequireHttpsMetadata);
        Assert.Null(options.Authority);
    }

    [Fact]
    public void Values_of_the_wrong_kind_are_reported_by_key_and_the_rest_is_bound()
    {
        var options = Bind(new()
        {
            ["OAuth:ClientId"] = "photos-web",
            ["OAuth:ClientAuthentication"] = "Foo",
            ["OAuth:BackchannelTimeout"] = "ten seconds",
            ["OAuth:RequireHttpsMetadata"] = "maybe",
            ["OAuth:ClientAuthentication2"] = "ignored: nothing reads it",
        });

        var problems = SafeBinding.For(options);
        Assert.Equal(3, problems.Count);
        Assert.Contains("OAuth:ClientAuthentication is \"Foo\", which is not one of: ClientSecretBasic, ClientSecretPost, PrivateKeyJwt.", problems);
        Assert.Contains(problems, p => p.StartsWith("OAuth:BackchannelTimeout is \"ten seconds\", which is not a time span", StringComparison.Ordinal));
        Assert.Equal("photos-web", options.ClientId);
    }

    [Fact]
    public void An_undefined_number_for_a_choice_is_reported()
    {
        var options = Bind(new() { ["OAuth:ClientAuthentication"] = "7" });

        Assert.Single(SafeBinding.For(options));
    }

    private static OAuthClientOptions Bind(Dictionary<string, string?> values)
    {
        var options = new OAuthClientOptions();
        SafeBinding.Bind(new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("OAuth"), options);
        return options;
    }
}
