using System.Net;

namespace OAuthWebClient.Benchmarks.Driver;

/// <summary>
/// A whole sign-in at the real sandbox, as a person does it: the client's login start, the sandbox's login form
/// (alice/alice), consent (Allow), and the client's callback. Stops after the callback's answer, signed in.
/// </summary>
internal static class SignIn
{
    public static async Task<WebSession> RunAsync(HttpMessageInvoker invoker, ClientApp client, string user = "alice")
    {
        var browser = new WebSession(invoker);
        var login = await browser.GetAsync(client.LoginStart);
        Expect(login, "Username", "the sandbox's login page");
        var consent = await browser.SubmitAsync(login, "Username", new Dictionary<string, string> { ["Username"] = user, ["Password"] = user });
        Expect(consent, "Allow", "the consent page");
        var callback = await browser.SubmitAsync(consent, "Allow", new Dictionary<string, string> { ["decision"] = "allow" }, followRedirects: false);
        if (callback.Location is not { } location || !location.AbsolutePath.Equals(client.CallbackPath, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{client.Name}: expected a redirect to the callback, got HTTP {(int)callback.Status}.");
        }

        var signedIn = await browser.GetAsync(location, followRedirects: false);
        if (signedIn.Status != HttpStatusCode.Found)
        {
            throw new InvalidOperationException($"{client.Name}: the callback answered HTTP {(int)signedIn.Status}:{Environment.NewLine}{signedIn.Html}");
        }

        return browser;
    }

    private static void Expect(WebPage page, string marker, string what)
    {
        if (!page.Html.Contains(marker, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Expected {what}, got HTTP {(int)page.Status} at {page.Uri}.");
        }
    }
}
