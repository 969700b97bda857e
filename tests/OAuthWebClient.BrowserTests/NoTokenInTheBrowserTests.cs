using OAuthWebClient.BrowserTests.Infrastructure;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// RFC 9700 §4.14 / the token-mediating backend pattern: across a whole visit — sign-in, gallery, a photo, the
/// profile, the flow inspector, sign-out — no access, refresh or ID token, no PKCE verifier and no client secret
/// appears in any URL, response header or body, cookie, or page the browser sees. One exception, by design of
/// RP-Initiated Logout 1.0 §2: the ID token as the <c>id_token_hint</c> of the request to the authorization server's
/// end_session_endpoint (sent by default, because servers do nothing useful without it) — there and nowhere else.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class NoTokenInTheBrowserTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task No_token_value_appears_in_any_cookie_page_or_url_the_browser_sees()
    {
        await using var session = await fixture.NewSessionAsync(scenario: "no-token-in-the-browser");
        await session.GotoAsync("/");
        await session.SignInAsync("alice");
        await session.ScreenshotAsync("gallery");
        foreach (var (path, step) in (List<(string, string)>)[("/photos/harbour-at-dawn", "photo"), ("/profile", "profile"), ("/flow", "flow-inspector")])
        {
            await session.GotoAsync(path);
            await session.ScreenshotAsync(step);
        }

        var whileSignedIn = await session.EverythingSeenAsync();
        await session.Page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await session.Page.WaitForURLAsync(url => url.Contains("/account/signed-out", StringComparison.Ordinal));
        await session.ScreenshotAsync("signed-out");

        var seen = whileSignedIn.Concat(await session.EverythingSeenAsync()).ToList();

        var secrets = session.App.Traffic.BrowserSecrets;
        Assert.Contains(session.App.Traffic.Tokens, t => t.StartsWith("eyJ", StringComparison.Ordinal)); // the tokens were captured at all
        Assert.NotEmpty(session.App.Traffic.Verifiers);
        Assert.True(seen.Count > 20, "The browser's traffic should have been recorded.");
        var idTokens = session.App.Traffic.IdTokens.ToHashSet(StringComparer.Ordinal);
        Assert.Contains(seen, text => idTokens.Any(t => text.Contains("id_token_hint=" + t, StringComparison.Ordinal))); // the hint was sent
        foreach (var secret in secrets)
        {
            var allowed = idTokens.Contains(secret) ? "id_token_hint=" + secret : null;
            var leak = seen.FirstOrDefault(text => (allowed is null ? text : text.Replace(allowed, "", StringComparison.Ordinal)).Contains(secret, StringComparison.Ordinal));
            Assert.True(leak is null, $"A secret starting {secret[..6]} reached the browser in: {leak?[..Math.Min(200, leak.Length)]}");
        }
    }
}
