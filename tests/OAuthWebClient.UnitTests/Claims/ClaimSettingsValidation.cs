using OAuthWebClient.UnitTests.TestSupport;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Protocol;

namespace OAuthWebClient.UnitTests.Claims;

public sealed class ClaimSettingsValidation
{
    private static IEnumerable<string> Problems(Action<OAuthClientOptions> configure)
    {
        var options = new OAuthClientOptions { Authority = new Uri("https://as.example/"), ClientId = "app" };
        configure(options);
        return new OAuthClientOptionsValidator(TestProviders.SingleNames).Validate(null, options).Failures ?? [];
    }

    [Theory]
    [InlineData("realm_access..roles")]
    [InlineData(".roles")]
    [InlineData("roles.")]
    [InlineData("my roles")]
    [InlineData("a.b.c.d.e.f.g.h.i")]
    public void A_malformed_role_path_is_reported(string path) =>
        Assert.Contains(Problems(o => o.RoleClaim = path), p => p.StartsWith("OAuth:RoleClaim", StringComparison.Ordinal));

    [Theory]
    [InlineData("roles")]
    [InlineData("realm_access.roles")]
    [InlineData("https://app.example/roles")]
    [InlineData("")]
    public void Usable_role_paths_pass(string path) => Assert.Empty(Problems(o => o.RoleClaim = path));

    [Fact]
    public void An_empty_name_claim_is_reported() =>
        Assert.Contains(Problems(o => o.NameClaim = ""), p => p.StartsWith("OAuth:NameClaim", StringComparison.Ordinal));

    [Fact]
    public void Userinfo_without_openid_is_reported() =>
        Assert.Contains(Problems(o => { o.UseUserInfo = true; o.Scope = "photos"; }), p => p.StartsWith("OAuth:UseUserInfo", StringComparison.Ordinal));
}
