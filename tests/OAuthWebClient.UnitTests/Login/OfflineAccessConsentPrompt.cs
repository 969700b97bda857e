using OAuthWebClient.Client;
using OAuthWebClient.Client.Login;

namespace OAuthWebClient.UnitTests.Login;

/// <summary>OIDC Core §11: a request for offline_access MUST carry prompt=consent unless other conditions apply.</summary>
public sealed class OfflineAccessConsentPrompt
{
    private static string? Prompt(OfflineAccessPrompt rule, string? configured, string scope = "openid offline_access") =>
        AuthorizationParameters.EffectivePrompt(new OAuthClientOptions { OfflineAccessPrompt = rule, Prompt = configured }, scope);

    [Fact]
    public void Auto_asks_for_consent_when_offline_access_is_requested_without_a_prompt()
    {
        Assert.Equal("consent", Prompt(OfflineAccessPrompt.Auto, configured: null));
    }

    [Fact]
    public void Auto_is_the_default()
    {
        Assert.Equal(OfflineAccessPrompt.Auto, new OAuthClientOptions().OfflineAccessPrompt);
    }

    [Fact]
    public void Auto_keeps_a_configured_prompt()
    {
        Assert.Equal("login", Prompt(OfflineAccessPrompt.Auto, configured: "login"));
    }

    [Fact]
    public void No_prompt_is_added_without_offline_access()
    {
        Assert.Null(Prompt(OfflineAccessPrompt.Auto, configured: null, scope: "openid profile"));
        Assert.Null(Prompt(OfflineAccessPrompt.Always, configured: null, scope: "openid profile"));
    }

    [Fact]
    public void Offline_access_is_recognised_only_as_a_whole_scope()
    {
        Assert.Null(Prompt(OfflineAccessPrompt.Auto, configured: null, scope: "openid offline_access_extra"));
    }

    [Fact]
    public void Always_adds_consent_to_a_configured_prompt()
    {
        Assert.Equal("login consent", Prompt(OfflineAccessPrompt.Always, configured: "login"));
        Assert.Equal("consent", Prompt(OfflineAccessPrompt.Always, configured: "consent"));
        Assert.Equal("consent", Prompt(OfflineAccessPrompt.Always, configured: null));
    }

    [Fact]
    public void Never_sends_only_the_configured_prompt()
    {
        Assert.Null(Prompt(OfflineAccessPrompt.Never, configured: null));
        Assert.Equal("login", Prompt(OfflineAccessPrompt.Never, configured: "login"));
    }
}
