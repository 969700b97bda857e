using System.Net;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Providers;

/// <summary>
/// Two scripted authorization servers on loopback sockets, configured as <c>OAuth:Providers:north</c> and
/// <c>OAuth:Providers:south</c>, behind one client.
/// </summary>
internal sealed class TwoProviders : IAsyncDisposable
{
    private TwoProviders(ScriptedAuthorizationServer north, ScriptedAuthorizationServer south, IDictionary<string, string?> settings)
    {
        North = north;
        South = south;
        var all = new Dictionary<string, string?>
        {
            ["OAuth:Providers:north:Authority"] = north.Issuer,
            ["OAuth:Providers:north:ClientId"] = ScriptedAuthorizationServer.ClientId,
            ["OAuth:Providers:north:ClientSecret"] = ScriptedAuthorizationServer.ClientSecret,
            ["OAuth:Providers:north:DisplayName"] = "North Identity",
            ["OAuth:Providers:south:Authority"] = south.Issuer,
            ["OAuth:Providers:south:ClientId"] = ScriptedAuthorizationServer.ClientId,
            ["OAuth:Providers:south:ClientSecret"] = "south-secret-0123456789",
        };
        foreach (var (key, value) in settings)
        {
            if (value is null)
            {
                all.Remove(key);
            }
            else
            {
                all[key] = value;
            }
        }

        Client = new ScriptedClientHost(north, all);
        south.Time = Client.Time;
    }

    public ScriptedAuthorizationServer North { get; }

    public ScriptedAuthorizationServer South { get; }

    public ScriptedClientHost Client { get; }

    /// <param name="settings">Added to (or, with a null value, removed from) the two providers' settings.</param>
    public static async Task<TwoProviders> StartAsync(IDictionary<string, string?>? settings = null) =>
        new(await ScriptedAuthorizationServer.ListenOnLoopbackAsync(), await ScriptedAuthorizationServer.ListenOnLoopbackAsync(), settings ?? new Dictionary<string, string?>());

    public ScriptedAuthorizationServer Server(string provider) => provider == "north" ? North : South;

    /// <summary><c>/account/login?provider=…</c>, stopping at the redirect to that provider's authorization endpoint.</summary>
    public async Task<AuthorizationRequestSeen> BeginAsync(Browser browser, string provider)
    {
        var login = await browser.GetAsync(Client.ClientOrigin + "account/login?provider=" + provider + "&returnUrl=%2Fphotos", followRedirects: false);
        var expected = Server(provider).AuthorizationEndpoint.AbsoluteUri;
        return login.Status == HttpStatusCode.Redirect && login.Location!.AbsoluteUri.StartsWith(expected, StringComparison.Ordinal)
            ? AuthorizationRequestSeen.Parse(login.Location)
            : throw new InvalidOperationException($"Expected a redirect to {expected}, got {(int)login.Status} {login.Location}:\n{login.Html}");
    }

    /// <summary>The honest answer of <paramref name="issuer"/>'s server, delivered to <paramref name="callbackProvider"/>'s redirect URI.</summary>
    public Task<BrowserPage> AnswerAsync(Browser browser, AuthorizationRequestSeen request, string issuer, string callbackProvider)
    {
        var server = Server(issuer);
        var query = QueryHelpers.AddQueryString("", new Dictionary<string, string?> { ["code"] = server.IssueCode(request), ["state"] = request.State, ["iss"] = server.Issuer });
        return browser.GetAsync(Client.ClientOrigin + "callback/" + callbackProvider + query, followRedirects: false);
    }

    public async Task SignInAsync(Browser browser, string provider)
    {
        var callback = await AnswerAsync(browser, await BeginAsync(browser, provider), provider, provider);
        if (callback.Status != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The callback failed: {(int)callback.Status}\n{callback.Html}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await South.Listener!.DisposeAsync();
    }
}
