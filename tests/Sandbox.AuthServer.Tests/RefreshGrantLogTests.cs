using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using OAuthWebClient.Testing;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>
/// One Information event (RefreshTokenGrantIssued) per refresh token grant answered with tokens, naming the authorization
/// (one per sign-in) by a short fingerprint: what a soak counts to prove each client session refreshed once per expiry.
/// </summary>
public sealed class RefreshGrantLogTests : IAsyncLifetime
{
    private readonly LogCapture _logs = new();
    private readonly WebApplicationFactory<AuthServerApp> _factory;

    public RefreshGrantLogTests() =>
        _factory = new AuthServerFactory().WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging.AddProvider(_logs)));

    private List<CapturedLogEntry> Grants => _logs.Entries.Where(e => e.EventId is { Id: 7002, Name: "RefreshTokenGrantIssued" }).ToList();

    [Fact]
    public async Task Each_refresh_is_logged_once_under_its_sign_ins_authorization_and_a_code_redemption_is_not()
    {
        var (flow, tokens) = await SignInAsync();
        Assert.Empty(Grants);

        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        for (var i = 0; i < 2; i++)
        {
            var refreshed = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refresh), HttpStatusCode.OK);
            refresh = refreshed.GetProperty("refresh_token").GetString()!;
        }

        var (_, other) = await SignInAsync();
        await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(other.GetProperty("refresh_token").GetString()!), HttpStatusCode.OK);

        var grants = Grants;
        Assert.Equal(3, grants.Count);
        Assert.All(grants, g => Assert.Equal(LogLevel.Information, g.Level));
        Assert.All(grants, g => Assert.Contains($"ClientId={AuthServerFactory.ClientId}", g.Values));
        var authorizations = grants.Select(g => g.Values.Single(v => v.StartsWith("Authorization=", StringComparison.Ordinal))).ToList();
        Assert.Equal(authorizations[0], authorizations[1]); // a rotated refresh token stays in its sign-in's authorization
        Assert.NotEqual(authorizations[0], authorizations[2]); // another sign-in, another authorization
        Assert.All(authorizations, a => Assert.Equal("Authorization=".Length + 12, a.Length));
        Assert.All(grants, g => Assert.Contains("IssuedAt=", g.AllText, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_refused_refresh_is_not_logged_and_no_token_ever_is()
    {
        var (flow, tokens) = await SignInAsync();
        var refresh = tokens.GetProperty("refresh_token").GetString()!;
        var rotated = await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refresh), HttpStatusCode.OK);

        // RFC 9700 §4.14.2: the redeemed token again is refused (and revokes the family): no grant issued, none logged.
        await CodeFlow.ReadJsonAsync(await flow.RefreshAsync(refresh), HttpStatusCode.BadRequest);

        var grant = Assert.Single(Grants);
        foreach (var token in (string[])[refresh, rotated.GetProperty("refresh_token").GetString()!, rotated.GetProperty("access_token").GetString()!])
        {
            Assert.DoesNotContain(token, grant.AllText, StringComparison.Ordinal);
        }
    }

    private async Task<(CodeFlow Flow, System.Text.Json.JsonElement Tokens)> SignInAsync()
    {
        var browser = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri(AuthServerFactory.Issuer) });
        var flow = new CodeFlow(browser);
        return (flow, await flow.GetTokensAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _factory.DisposeAsync();
}
