using Microsoft.Playwright;
using OAuthWebClient.BrowserTests.Infrastructure;
using OAuthWebClient.Testing;
using static Microsoft.Playwright.Assertions;

namespace OAuthWebClient.BrowserTests;

/// <summary>
/// FAPI 2.0 against the OpenIddict sandbox with configuration only (<c>OAuth:Profile=Fapi2</c>, a PEM key): a pushed
/// authorization request (RFC 9126), private_key_jwt (RFC 7523), DPoP-bound tokens at the token endpoint and the photos
/// API (RFC 9449), a refresh, and a back-channel logout when the person signs out everywhere at the sandbox.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class Fapi2SandboxTests(BrowserFixture fixture)
{
    private const string PushPath = "/connect/par";
    private const string TokenPath = "/connect/token";

    [BrowserFact]
    public async Task Alice_signs_in_by_pushed_request_sees_photos_with_DPoP_refreshes_and_is_signed_out_by_the_sandbox()
    {
        await using var servers = await Fapi2Servers.WithSandboxAsync();
        await using var session = await fixture.NewSessionAsync(servers.App);
        var sandbox = servers.Sandbox!;

        await SignInAsync(session, sandbox);

        Fapi2Expectations.OnlyPushedRequestsInTheBrowser(session, servers.AuthorizationEndpoint);
        var push = sandbox.Requests.To(PushPath)[^1];
        Assert.Equal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", push.Form["client_assertion_type"].ToString());
        Assert.Equal("S256", push.Form["code_challenge_method"].ToString());
        var redemption = Assert.Single(sandbox.Requests.To(TokenPath), r => r.Form["grant_type"] == "authorization_code");
        await ExpectAssertionAndProofAsync(servers, redemption);

        var firstTokens = await Fapi2Expectations.DPoPBoundApiCallsAsync(servers.Photos);
        await Fapi2Expectations.BrowseUntilRefreshedAsync(session);
        var refresh = sandbox.Requests.To(TokenPath).First(r => r.Form["grant_type"] == "refresh_token");
        await ExpectAssertionAndProofAsync(servers, refresh);
        var tokens = await Fapi2Expectations.DPoPBoundApiCallsAsync(servers.Photos);
        Assert.True(tokens.Count > firstTokens.Count, "No photos API call with the refreshed access token.");
        Assert.All(sandbox.Requests.To(PushPath).Concat(sandbox.Requests.To(TokenPath)), r =>
        {
            Assert.Null(r.Authorization);
            Assert.False(r.Form.ContainsKey("client_secret"));
        });

        // The session ends at the sandbox's own page, not through the client: only the logout token can tell the client.
        await session.Page.GotoAsync(sandbox.Issuer.AbsoluteUri);
        await session.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out everywhere" }).ClickAsync();
        await Expect(session.Page.Locator(".deliveries")).ToContainTextAsync($"{Fapi2Servers.ClientId}: signed out (HTTP 200)");

        await session.GotoAsync("/");
        await session.ExpectSignedOutAsync();
        await session.GotoAsync("/photos");
        await Expect(session.Page.GetByLabel("Username")).ToBeVisibleAsync();
        Assert.StartsWith(sandbox.Issuer.GetLeftPart(UriPartial.Authority), session.Page.Url, StringComparison.Ordinal);
    }

    [BrowserFact]
    public async Task The_flow_inspector_shows_the_pushed_request_the_assertions_claims_and_the_proof_but_no_signature_or_private_key()
    {
        await using var servers = await Fapi2Servers.WithSandboxAsync();
        await using var session = await fixture.NewSessionAsync(servers.App);
        var sandbox = servers.Sandbox!;
        await SignInAsync(session, sandbox);

        var html = await (await session.GotoAsync("/flow"))!.TextAsync();

        var page = session.Page;
        await Expect(page.GetByTestId("pushed-request")).ToContainTextAsync("POST " + new Uri(sandbox.Issuer, PushPath).AbsoluteUri);
        await Expect(page.GetByTestId("pushed-request")).ToContainTextAsync("HTTP 201");
        var redemption = Assert.Single(sandbox.Requests.To(TokenPath), r => r.Form["grant_type"] == "authorization_code");
        var assertion = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(redemption.Form["client_assertion"].ToString());
        Assert.NotNull(redemption.DPoP);
        var proof = await ProofInspection.DPoPAsync(redemption.DPoP);
        var step3 = page.Locator("#token-request");
        await Expect(step3.GetByTestId("client-authentication")).ToContainTextAsync("private_key_jwt");
        var assertionTable = Fields(step3, "Client assertion");
        await ExpectFieldAsync(assertionTable, "header.typ", "client-authentication+jwt");
        await ExpectFieldAsync(assertionTable, "iss", Fapi2Servers.ClientId);
        await ExpectFieldAsync(assertionTable, "sub", Fapi2Servers.ClientId);
        await ExpectFieldAsync(assertionTable, "aud", servers.Issuer);
        await ExpectFieldAsync(assertionTable, "jti", assertion.Id);
        var proofTable = Fields(step3, "DPoP proof");
        await ExpectFieldAsync(proofTable, "header.typ", "dpop+jwt");
        await ExpectFieldAsync(proofTable, "htm", "POST");
        await ExpectFieldAsync(proofTable, "htu", new Uri(sandbox.Issuer, TokenPath).AbsoluteUri);
        await ExpectFieldAsync(proofTable, "jti", proof.Claim("jti")!);
        await Expect(Field(proofTable, "header.jwk")).ToContainTextAsync(proof.HeaderKey!.X);

        // What the client signed, from every request the sandbox received: none of their signatures is on the page.
        var signed = sandbox.Requests.All.SelectMany(r => new[] { r.Form.GetValueOrDefault("client_assertion").ToString(), r.DPoP ?? "" })
            .Where(jwt => jwt.Count(c => c == '.') == 2).ToList();
        Assert.True(signed.Count >= 4, $"Expected the pushed and token requests' assertions and proofs, found {signed.Count}.");
        foreach (var jwt in signed)
        {
            Assert.DoesNotContain(jwt[(jwt.LastIndexOf('.') + 1)..], html, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("\"d\":", html, StringComparison.Ordinal);
        Assert.DoesNotContain("&quot;d&quot;:", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"d\":", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static async Task SignInAsync(BrowserSession session, StandaloneAuthServer sandbox)
    {
        await session.GotoAsync("/photos");
        await session.LogInAtSandboxAsync("alice", screenshot: null, authServer: sandbox.Issuer);
        await session.DecideConsentAsync(allow: true, screenshot: null);
        await session.ExpectSignedInAsync("Alice");
        await Expect(session.Page.GetByText("Lighthouse in fog")).ToBeVisibleAsync();
    }

    /// <summary>A token request (RFC 7523 §3, RFC 9449 §4.2): a client assertion for the sandbox and a proof for its token endpoint, both verifiable.</summary>
    private static async Task ExpectAssertionAndProofAsync(Fapi2Servers servers, RecordedRequest request)
    {
        var assertion = await ProofInspection.SignedWithAsync(request.Form["client_assertion"].ToString(), new Microsoft.IdentityModel.Tokens.ECDsaSecurityKey(servers.ClientKey));
        Assert.True(assertion.SignatureValid);
        Assert.Equal(Fapi2Servers.ClientId, assertion.Claim("iss"));
        Assert.Equal(servers.Issuer, assertion.Claim("aud"));
        Assert.NotNull(request.DPoP);
        var proof = await ProofInspection.DPoPAsync(request.DPoP);
        Assert.True(proof.SignatureValid);
        Assert.Equal("POST", proof.Claim("htm"));
        Assert.Equal(request.Uri.AbsoluteUri, proof.Claim("htu"));
    }

    private static ILocator Fields(ILocator step, string caption) =>
        step.Locator("table.flow-fields", new() { Has = step.Page.Locator("caption", new() { HasTextString = caption }) });

    /// <summary>The value cell of the row named <paramref name="name"/> exactly.</summary>
    private static ILocator Field(ILocator table, string name) =>
        table.Locator("tr", new() { Has = table.Page.Locator("th code", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(name) + "$") }) }).Locator("td code");

    private static async Task ExpectFieldAsync(ILocator table, string name, string value) => await Expect(Field(table, name)).ToHaveTextAsync(value);
}
