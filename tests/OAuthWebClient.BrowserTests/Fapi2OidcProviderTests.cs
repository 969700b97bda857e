using Microsoft.IdentityModel.Tokens;
using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using OAuthWebClient.Testing;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// FAPI 2.0 against panva's oidc-provider with its own FAPI 2.0 profile on (PAR, DPoP and private_key_jwt required, PS256
/// tokens): the client, configured only, signs in through its pages, calls the photos API with DPoP-bound JWT access
/// tokens, refreshes, and is signed out by the logout token oidc-provider POSTs when the session ends there.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Fapi2OidcProviderTests(BrowserFixture fixture)
{
    [BrowserFact]
    public async Task Alice_signs_in_sees_photos_with_DPoP_refreshes_and_is_signed_out_when_her_session_ends_at_oidc_provider()
    {
        await using var servers = await Fapi2Servers.WithOidcProviderAsync();
        await using var session = await fixture.NewSessionAsync(servers.App);
        var op = servers.Op!;

        await session.GotoAsync("/photos");
        await OidcProviderPages.LogInAsync(session.Page, "alice");
        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();

        Fapi2Expectations.OnlyPushedRequestsInTheBrowser(session, servers.AuthorizationEndpoint);
        Assert.Contains("op: POST /request 201", op.Output, StringComparison.Ordinal);
        var firstTokens = await Fapi2Expectations.DPoPBoundApiCallsAsync(servers.Photos);

        await Fapi2Expectations.BrowseUntilRefreshedAsync(session, () => "oidc-provider said:\n" + op.Output);
        Assert.True((await Fapi2Expectations.DPoPBoundApiCallsAsync(servers.Photos)).Count > firstTokens.Count, "No photos API call with the refreshed access token.");
        await ExpectOnlyAssertionsAsync(servers);

        // The session ends at oidc-provider itself, not through the client: only the logout token can tell the client.
        await session.Page.GotoAsync(new Uri(op.Issuer, "/session/end").AbsoluteUri);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Yes, sign me out" }).ClickAsync();
        await Expect(session.Page.GetByText("Sign-out Success")).ToBeVisibleAsync();
        Assert.False(op.Output.Contains("backchannel.error", StringComparison.Ordinal), $"oidc-provider could not deliver the logout token:\n{op.Output}");

        await session.GotoAsync("/");
        await session.ExpectSignedOutAsync();
        await session.GotoAsync("/photos");
        await Expect(session.Page.Locator("input[name=login]")).ToBeVisibleAsync();
    }

    /// <summary>Every pushed and token request authenticated with a fresh assertion for the issuer (RFC 7523 §3), never a secret.</summary>
    private static async Task ExpectOnlyAssertionsAsync(Fapi2Servers servers)
    {
        var forms = servers.App.Traffic.Requests;
        Assert.Contains(forms, f => f.ContainsKey("code_challenge"));
        Assert.Contains(forms, f => f.GetValueOrDefault("grant_type") == "authorization_code");
        var jtis = new HashSet<string>(StringComparer.Ordinal);
        foreach (var form in forms)
        {
            Assert.False(form.ContainsKey("client_secret"));
            var assertion = await ProofInspection.SignedWithAsync(form["client_assertion"], new ECDsaSecurityKey(servers.ClientKey));
            Assert.True(assertion.SignatureValid);
            Assert.Equal(servers.Issuer, assertion.Claim("aud"));
            Assert.True(jtis.Add(assertion.Claim("jti")!), "An assertion's jti was used twice.");
        }
    }
}
