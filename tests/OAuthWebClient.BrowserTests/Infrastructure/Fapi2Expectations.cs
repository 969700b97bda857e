using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OAuthWebClient.Testing;

namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>What FAPI 2.0 makes visible on the wire, checked the same way against either authorization server.</summary>
public static class Fapi2Expectations
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Photos pages until the client has refreshed, on the back channel (never through the browser), and the gallery
    /// still loads after it. <paramref name="diagnostics"/> adds to the failure message (e.g. a server's output).
    /// </summary>
    public static async Task BrowseUntilRefreshedAsync(BrowserSession session, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var deadline = DateTime.UtcNow + GiveUpAfter;
        while (session.App.Traffic.Refreshes == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No refresh within {GiveUpAfter.TotalSeconds} s of browsing. {diagnostics?.Invoke()}");
            await Task.Delay(500);
            await session.GotoAsync("/photos");
            Assert.Null(await session.ErrorKindAsync());
        }

        await session.GotoAsync("/photos");
        Assert.Null(await session.ErrorKindAsync());
        await Microsoft.Playwright.Assertions.Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
    }

    /// <summary>
    /// RFC 9126 §4: the browser carried only <c>client_id</c> and <c>request_uri</c> to the authorization endpoint — no
    /// PKCE challenge, state or nonce anywhere before the callback (which returns the state, RFC 6749 §4.1.2).
    /// </summary>
    public static void OnlyPushedRequestsInTheBrowser(BrowserSession session, string authorizationEndpoint)
    {
        ArgumentNullException.ThrowIfNull(session);
        var requests = session.Urls.Where(u => u.StartsWith(authorizationEndpoint + "?", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(requests);
        Assert.All(requests, url =>
        {
            var query = QueryHelpers.ParseQuery(new Uri(url).Query);
            Assert.Equal(["client_id", "request_uri"], query.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(Fapi2Servers.ClientId, query["client_id"].ToString());
        });
        var beforeCallback = session.Urls.Where(u => !u.StartsWith(session.App.Url("/callback"), StringComparison.Ordinal));
        Assert.DoesNotContain(beforeCallback, u => u.Contains("code_challenge", StringComparison.Ordinal) || u.Contains("state=", StringComparison.Ordinal) || u.Contains("nonce=", StringComparison.Ordinal));
    }

    /// <summary>
    /// RFC 9449 §7.1: every photos API call the API received came as <c>Authorization: DPoP</c> with a proof for that
    /// request (htm, htu, ath), signed by the key the token is bound to (<c>cnf.jkt</c>). Returns the access tokens used, in order.
    /// </summary>
    public static async Task<IReadOnlyList<string>> DPoPBoundApiCallsAsync(StandalonePhotosApi photos)
    {
        ArgumentNullException.ThrowIfNull(photos);
        var calls = photos.Requests.All.Where(r => r.Authorization is not null).ToList();
        Assert.NotEmpty(calls);
        foreach (var call in calls)
        {
            Assert.Equal("DPoP", call.AuthorizationHeader!.Scheme);
            var token = call.AuthorizationHeader.Parameter!;
            Assert.NotNull(call.DPoP);
            var proof = await ProofInspection.DPoPAsync(call.DPoP);
            Assert.True(proof.SignatureValid, "The DPoP proof's signature does not verify with its own jwk.");
            Assert.Equal("dpop+jwt", proof.Header("typ"));
            Assert.Equal(call.Method, proof.Claim("htm"));
            Assert.Equal(call.Uri.GetLeftPart(UriPartial.Path), proof.Claim("htu"));
            Assert.Equal(ProofInspection.AccessTokenHash(token), proof.Claim("ath"));
            Assert.Equal(BoundKey(token), proof.Thumbprint);
        }

        return [.. calls.Select(c => c.AuthorizationHeader!.Parameter!).Distinct()];
    }

    /// <summary>The access token's <c>cnf.jkt</c> (RFC 9449 §6.1): the thumbprint of the key it is bound to.</summary>
    private static string? BoundKey(string jwtAccessToken)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(new JsonWebToken(jwtAccessToken).EncodedPayload));
        return payload.RootElement.TryGetProperty("cnf", out var cnf) && cnf.TryGetProperty("jkt", out var jkt) ? jkt.GetString() : null;
    }
}
