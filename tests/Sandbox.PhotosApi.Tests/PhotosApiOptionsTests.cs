using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Sandbox.PhotosApi.Tests;

public sealed class PhotosApiOptionsTests
{
    private static ValidateOptionsResult Validate(PhotosApiOptions options) =>
        new PhotosApiOptionsValidator().Validate(Options.DefaultName, options);

    [Fact]
    public void Defaults_are_valid_and_point_at_the_sandbox_server()
    {
        var options = new PhotosApiOptions();

        Assert.True(Validate(options).Succeeded);
        Assert.Equal(["http://127.0.0.1:5001/"], options.ResolveAuthorities());
        Assert.Equal("photos-api", options.Audience);
        Assert.Equal("photos", options.RequiredScope);
    }

    [Fact]
    public void Bad_DPoP_settings_are_each_reported()
    {
        var options = new PhotosApiOptions();
        options.DPoP.ProofLifetime = TimeSpan.FromHours(1);
        options.DPoP.NonceLifetime = TimeSpan.Zero;
        options.DPoP.MaxReplayEntries = 0;

        var failures = Validate(options).Failures!.ToList();

        Assert.Contains(failures, f => f.StartsWith("PhotosApi:DPoP:ProofLifetime must be positive and at most 10 minutes", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("PhotosApi:DPoP:NonceLifetime must be positive", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("PhotosApi:DPoP:MaxReplayEntries must be at least 1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5001/", false)]
    [InlineData("http://localhost:5001/", false)]
    [InlineData("http://[::1]:5001/", false)]
    [InlineData("https://login.example.com/realms/demo", true)]
    [InlineData("https://127.0.0.1:5001/", true)]
    public void Https_metadata_is_required_except_for_http_on_loopback(string authority, bool expected)
    {
        Assert.Equal(expected, new PhotosApiOptions().ResolveRequireHttpsMetadata(authority));
    }

    [Fact]
    public void Explicit_require_https_metadata_wins_over_the_default()
    {
        Assert.True(new PhotosApiOptions { RequireHttpsMetadata = true }.ResolveRequireHttpsMetadata(PhotosApiOptions.DefaultAuthority));
    }

    [Fact]
    public void Http_authority_on_another_host_is_refused_unless_https_metadata_is_turned_off()
    {
        var options = new PhotosApiOptions { Authority = "http://keycloak.internal:8080/realms/demo" };

        Assert.Contains(Validate(options).Failures!, failure => failure.Contains("PhotosApi:Authority", StringComparison.Ordinal));

        options.RequireHttpsMetadata = false;
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Required_scope_must_be_a_single_scope_token()
    {
        var result = Validate(new PhotosApiOptions { RequiredScope = "photos openid" });

        Assert.Contains(result.Failures!, failure => failure.Contains("PhotosApi:RequiredScope", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Options_validation_reports_a_relative_authority_and_an_empty_audience_together()
    {
        await using var app = PhotosApiApp.Build([], builder =>
        {
            builder.Configuration.Sources.Clear();
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["PhotosApi:Authority"] = "/realms/demo",
                ["PhotosApi:Audience"] = "",
            });
            builder.WebHost.UseTestServer();
        });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal(2, error.Failures.Count());
        Assert.Contains(error.Failures, failure => failure.Contains("PhotosApi:Authority", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.Contains("PhotosApi:Audience", StringComparison.Ordinal));
    }

    [Fact]
    public void Authorities_replace_the_default_and_follow_the_single_Authority()
    {
        var options = new PhotosApiOptions { Authority = "https://a.example/" };
        options.Authorities.Add("https://b.example/");

        Assert.Equal(["https://a.example/", "https://b.example/"], options.ResolveAuthorities());
        Assert.True(Validate(options).Succeeded);
    }

    [Fact]
    public void Every_bad_authority_entry_is_reported_by_its_key()
    {
        var options = new PhotosApiOptions();
        options.Authorities.Add("/realms/demo");
        options.Authorities.Add("http://keycloak.internal:8080/realms/demo");
        options.Authorities.Add("https://a.example/?tenant=1");

        var failures = Validate(options).Failures!.ToList();

        Assert.Equal(3, failures.Count);
        Assert.Contains(failures, failure => failure.StartsWith("PhotosApi:Authorities:0 must be an absolute", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("PhotosApi:Authorities:1 uses http", StringComparison.Ordinal));
        Assert.Contains(failures, failure => failure.StartsWith("PhotosApi:Authorities:2 must not contain a query", StringComparison.Ordinal));
    }

    [Fact]
    public void An_empty_authority_entry_is_refused()
    {
        var options = new PhotosApiOptions();
        options.Authorities.Add("");

        Assert.Contains(Validate(options).Failures!, failure => failure.StartsWith("PhotosApi:Authorities:0", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://a.example/", "https://a.example/")]
    [InlineData("https://a.example", "https://a.example/")]
    public void The_same_authority_twice_is_refused(string first, string second)
    {
        var options = new PhotosApiOptions { Authority = first };
        options.Authorities.Add(second);

        Assert.Contains(Validate(options).Failures!, failure => failure.Contains("more than once", StringComparison.Ordinal));
    }
}
