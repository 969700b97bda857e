using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>Accessibility checks a page of the app must pass: a sensible title, one main heading, labelled controls.</summary>
public static class PageChecks
{
    /// <summary>Controls (buttons, fields, links) without an accessible name, and images without alt, as "tag: html".</summary>
    private const string UnlabelledControls = """
        () => {
          const name = el => (el.getAttribute('aria-label') || '').trim()
            || [...(el.labels || [])].map(l => l.textContent.trim()).join(' ')
            || (el.getAttribute('aria-labelledby') || '').split(' ').map(id => document.getElementById(id)?.textContent.trim() || '').join(' ').trim()
            || (el.matches('input[type=submit], input[type=button]') ? el.value : '')
            || (el.matches('button, a') ? el.textContent.trim() || [...el.querySelectorAll('img[alt]')].map(i => i.alt).join(' ').trim() : '');
          const controls = [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea')];
          return [
            ...controls.filter(el => !name(el)).map(el => el.tagName + ': ' + el.outerHTML.slice(0, 120)),
            ...[...document.images].filter(i => !i.hasAttribute('alt')).map(i => 'IMG: ' + i.outerHTML.slice(0, 120)),
          ];
        }
        """;

    /// <summary>At <paramref name="path"/>: a "… – OAuthWebClient" title, one h1, and every control labelled.</summary>
    public static async Task ExpectAccessibleAsync(BrowserSession session, string path)
    {
        await session.GotoAsync(path);
        var title = await session.Page.TitleAsync();
        Assert.Matches(@"^\S.* – OAuthWebClient$", title);
        await Expect(session.Page.Locator("h1")).ToHaveCountAsync(1);
        var unlabelled = await session.Page.EvaluateAsync<string[]>(UnlabelledControls);
        Assert.True(unlabelled.Length == 0, $"{path}: controls without a label: {string.Join(" | ", unlabelled)}");
    }
}
