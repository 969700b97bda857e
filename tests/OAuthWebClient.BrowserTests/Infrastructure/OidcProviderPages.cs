using Microsoft.Playwright;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>Steps through oidc-provider's own pages (its development interaction views).</summary>
public static class OidcProviderPages
{
    /// <summary>On its login page: the user's credentials (password = user name), then consent with "Continue".</summary>
    public static async Task LogInAsync(IPage page, string user)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.Locator("input[name=login]").FillAsync(user);
        await page.Locator("input[name=password]").FillAsync(user);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign-in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }
}
