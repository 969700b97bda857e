namespace OAuthWebClient.IntegrationTests.Providers;

/// <summary>What a named provider inherits from the <c>OAuth</c> section, so one provider's secret can never reach another.</summary>
public sealed class ProviderSettings
{
    [Fact]
    public async Task A_provider_never_inherits_another_client_secret_from_the_OAuth_section()
    {
        // The host sets OAuth:ClientSecret; "south" is a public client and must send no secret at all.
        await using var two = await TwoProviders.StartAsync(new Dictionary<string, string?> { ["OAuth:Providers:south:ClientSecret"] = null });
        var browser = two.Client.NewBrowser();

        await two.SignInAsync(browser, "south");

        var redemption = Assert.Single(two.South.TokenRequests);
        Assert.Null(redemption.Authorization);
        Assert.False(redemption.Form.ContainsKey("client_secret"));
        Assert.Equal("scripted-client", redemption.Form["client_id"]);
    }

    [Fact]
    public async Task App_wide_settings_of_the_OAuth_section_apply_to_every_provider()
    {
        await using var two = await TwoProviders.StartAsync(new Dictionary<string, string?> { ["OAuth:CallbackPath"] = "/signin-return" });

        var request = await two.BeginAsync(two.Client.NewBrowser(), "north");

        Assert.Equal(two.Client.ClientOrigin + "signin-return/north", request.RedirectUri);
    }
}
