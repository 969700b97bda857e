using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Security;

/// <summary>
/// RFC 6749 §3.1: request and response parameters must not be included more than once. A response that repeats
/// <c>state</c>, <c>code</c> or <c>iss</c> is rejected, whichever copy would have been the "right" one.
/// </summary>
public sealed class CallbackDuplicateParameters : IAsyncLifetime
{
    private readonly ScriptedClientHost _host = new();

    [Theory]
    [InlineData("state")]
    [InlineData("code")]
    [InlineData("iss")]
    public async Task Callback_repeating_a_parameter_is_rejected(string repeated)
    {
        var browser = _host.NewBrowser();
        var request = await _host.BeginSignInAsync(browser);
        var values = new Dictionary<string, string>
        {
            ["code"] = _host.Server.IssueCode(request),
            ["state"] = request.State,
            ["iss"] = _host.Server.Issuer,
        };

        // The honest value twice: even a harmless-looking repetition is refused.
        var query = "?" + string.Join('&', values.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")) + $"&{repeated}={Uri.EscapeDataString(values[repeated])}";
        var page = await _host.CallbackAsync(browser, query);

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains($"repeats the &quot;{repeated}&quot; parameter", page.Html, StringComparison.Ordinal);
        Assert.Equal(0, _host.Server.TokenCalls);
        Assert.Equal(0, _host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_smuggling_a_second_iss_is_rejected_even_where_iss_is_optional()
    {
        // Where iss is optional, an implementation that ignores repeated values would treat this as "no iss".
        await using var host = new ScriptedClientHost(new ScriptedAuthorizationServer { AdvertisesIssParameter = false });
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, host.ResponseQuery(request) + "&iss=http%3A%2F%2Fattacker.example%2F");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, host.Server.TokenCalls);
        Assert.Equal(0, host.Sessions.SessionsCreated);
    }

    [Fact]
    public async Task Callback_smuggling_a_second_code_is_rejected_even_where_iss_is_optional()
    {
        await using var host = new ScriptedClientHost(new ScriptedAuthorizationServer { AdvertisesIssParameter = false });
        var browser = host.NewBrowser();
        var request = await host.BeginSignInAsync(browser);

        var page = await host.CallbackAsync(browser, host.ResponseQuery(request, withIss: false) + "&code=attackers-code");

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(0, host.Server.TokenCalls);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
