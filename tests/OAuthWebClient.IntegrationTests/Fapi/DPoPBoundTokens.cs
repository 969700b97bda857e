using System.Net;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Fapi;

/// <summary>
/// RFC 9449 against a scripted server that checks every proof: proofs at the token endpoint (code and refresh) and on
/// API calls (with <c>ath</c>), one key per session, the nonce challenges of §8 and §9 answered with one retry, and the
/// answer's <c>token_type</c> deciding how a token is sent — a downgrade to Bearer refused when DPoP is required.
/// </summary>
public sealed class DPoPBoundTokens : IAsyncLifetime
{
    private const string Photos = """[{"id":"dpop-photo","title":"Bound harbour","width":640,"height":480}]""";

    private ScriptedClientHost _host = null!;

    private ScriptedAuthorizationServer Server => _host.Server;

    [Fact]
    public async Task Code_exchange_and_api_calls_carry_proofs_signed_by_one_session_key()
    {
        Start(tokenType: "DPoP");

        var gallery = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        var tokenProof = await ProofInspection.DPoPAsync(Assert.Single(Server.TokenRequests).DPoP!);
        Assert.True(tokenProof.SignatureValid);
        Assert.Equal("dpop+jwt", tokenProof.Header("typ"));
        Assert.Equal("ES256", tokenProof.Header("alg"));
        Assert.Null(tokenProof.HeaderKey!.D);
        Assert.Equal("POST", tokenProof.Claim("htm"));
        Assert.Equal(Server.TokenEndpointUri.AbsoluteUri, tokenProof.Claim("htu"));
        Assert.NotNull(tokenProof.Claim("jti"));
        Assert.InRange(long.Parse(tokenProof.Claim("iat")!, System.Globalization.CultureInfo.InvariantCulture), _host.Time.GetUtcNow().ToUnixTimeSeconds() - 5, _host.Time.GetUtcNow().ToUnixTimeSeconds());
        Assert.Null(tokenProof.Claim("ath"));

        var call = Assert.Single(Server.Requests, r => r.Path == "/photos");
        var accessToken = (await StoredTokensAsync()).AccessToken;
        Assert.Equal("DPoP " + accessToken, call.Authorization);
        var apiProof = await ProofInspection.DPoPAsync(call.DPoP!);
        Assert.True(apiProof.SignatureValid);
        Assert.Equal("GET", apiProof.Claim("htm"));
        Assert.Equal(Server.PhotosApiOrigin + "photos", apiProof.Claim("htu"));
        Assert.Equal(ProofInspection.AccessTokenHash(accessToken), apiProof.Claim("ath"));
        Assert.Equal(tokenProof.Thumbprint, apiProof.Thumbprint);
        Assert.NotEqual(tokenProof.Claim("jti"), apiProof.Claim("jti"));
    }

    [Fact]
    public async Task Token_endpoint_nonce_challenge_is_answered_with_one_retry_carrying_the_nonce()
    {
        Start(tokenType: "DPoP", tokenNonce: "as-nonce-1");

        var gallery = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        var proofs = Server.TokenRequests.Select(r => r.DPoP!).ToList();
        Assert.Equal(2, proofs.Count);
        Assert.Null((await ProofInspection.DPoPAsync(proofs[0])).Claim("nonce"));
        Assert.Equal("as-nonce-1", (await ProofInspection.DPoPAsync(proofs[1])).Claim("nonce"));
    }

    [Fact]
    public async Task Token_endpoint_that_keeps_asking_for_a_nonce_gets_only_one_retry()
    {
        Start(tokenType: "DPoP");
        var nonce = 0;
        Server.RespondToTokenRequests(_ => NonceChallenge(HttpStatusCode.BadRequest, "{\"error\":\"use_dpop_nonce\"}", "nonce-" + Interlocked.Increment(ref nonce)));

        var page = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal(2, Server.TokenCalls);
    }

    [Fact]
    public async Task Bearer_answer_is_a_refused_downgrade_when_dpop_is_required()
    {
        Start(tokenType: "Bearer", settings: new() { ["OAuth:DPoP:Required"] = "true" });
        var browser = _host.NewBrowser();

        var page = await _host.SignInAsync(browser);

        Assert.NotEqual(HttpStatusCode.OK, page.Status);
        Assert.Contains("downgrade", page.Html, StringComparison.Ordinal);
        Assert.False(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Bearer_answer_when_dpop_is_only_enabled_is_used_as_a_bearer_token_without_proofs()
    {
        Start(tokenType: "Bearer");

        var gallery = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        var call = Assert.Single(Server.Requests, r => r.Path == "/photos");
        Assert.StartsWith("Bearer ", call.Authorization, StringComparison.Ordinal);
        Assert.Null(call.DPoP);
        Assert.Null((await StoredTokensAsync()).DPoPKey);
    }

    [Fact]
    public async Task Dpop_token_issued_to_a_client_that_sent_no_proof_is_refused()
    {
        Start(tokenType: "DPoP", settings: new() { ["OAuth:DPoP:Enabled"] = "false" });
        var browser = _host.NewBrowser();

        var page = await _host.SignInAsync(browser);

        Assert.Null(Assert.Single(Server.TokenRequests).DPoP);
        Assert.NotEqual(HttpStatusCode.OK, page.Status);
        Assert.Contains("no DPoP proof was sent", page.Html, StringComparison.Ordinal);
        Assert.Empty(_host.Sessions.StoredSessions);
        Assert.False(await _host.IsSignedInAsync(browser));
    }

    [Fact]
    public async Task Resource_server_nonce_challenge_is_answered_with_one_retry_carrying_the_nonce()
    {
        Start(tokenType: "DPoP");
        Server.PhotosApi = request => Nonce(request.DPoP) == "rs-nonce-1"
            ? ScriptedAuthorizationServer.Json(HttpStatusCode.OK, Photos)
            : NonceChallenge(HttpStatusCode.Unauthorized, "", "rs-nonce-1", "DPoP error=\"use_dpop_nonce\", error_description=\"Resource server requires nonce in DPoP proof\"");

        var gallery = await _host.SignInAsync(_host.NewBrowser());

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Bound harbour", gallery.Html, StringComparison.Ordinal);
        Assert.Equal(2, Server.PhotosApiCalls);
    }

    [Fact]
    public async Task Refresh_carries_a_proof_with_the_session_key_and_keeps_the_tokens_bound()
    {
        Start(tokenType: "DPoP");
        var browser = _host.NewBrowser();
        await _host.SignInAsync(browser);

        _host.Time.Advance(TimeSpan.FromHours(2));
        var gallery = await browser.GetAsync(_host.ClientOrigin + "photos", followRedirects: false);

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        var requests = Server.TokenRequests.ToList();
        Assert.Equal(["authorization_code", "refresh_token"], requests.Select(r => r.GrantType));
        var first = await ProofInspection.DPoPAsync(requests[0].DPoP!);
        var refresh = await ProofInspection.DPoPAsync(requests[1].DPoP!);
        Assert.Equal(first.Thumbprint, refresh.Thumbprint);
        Assert.Equal("DPoP", (await StoredTokensAsync()).TokenType);
    }

    private static string? Nonce(string? proof) =>
        proof is not null && new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(proof).TryGetPayloadValue<string>("nonce", out var nonce) ? nonce : null;

    private async Task<OAuthWebClient.Client.TokenSet> StoredTokensAsync() =>
        (await _host.Sessions.GetAsync(_host.Sessions.StoredSessions.Last(), CancellationToken.None))!;

    private static HttpResponseMessage NonceChallenge(HttpStatusCode status, string body, string nonce, string? challenge = null)
    {
        var response = ScriptedAuthorizationServer.Json(status, body);
        response.Headers.Add("DPoP-Nonce", nonce);
        if (challenge is not null)
        {
            response.Headers.TryAddWithoutValidation("WWW-Authenticate", challenge);
        }

        return response;
    }

    private void Start(string tokenType, string? tokenNonce = null, Dictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["OAuth:DPoP:Enabled"] = "true" };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        _host = new ScriptedClientHost(settings: all);
        _host.Server.RespondToTokenRequests(request =>
        {
            if (tokenNonce is not null && Nonce(request.DPoP) != tokenNonce)
            {
                return NonceChallenge(HttpStatusCode.BadRequest, "{\"error\":\"use_dpop_nonce\",\"error_description\":\"Authorization server requires nonce in DPoP proof\"}", tokenNonce);
            }

            var members = _host.Server.TokenResponseMembers(request);
            members["token_type"] = tokenType;
            return ScriptedAuthorizationServer.Json(HttpStatusCode.OK, members);
        });
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
