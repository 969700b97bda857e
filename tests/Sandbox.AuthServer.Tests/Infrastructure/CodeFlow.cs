using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OAuthWebClient.Testing;

namespace Sandbox.AuthServer.Tests.Infrastructure;

/// <summary>Drives the authorization code flow the way a browser and the client's back channel would.</summary>
public sealed class CodeFlow(HttpClient browser, string clientId = AuthServerFactory.ClientId)
{
    public const string DefaultScope = "openid profile offline_access photos";

    public Pkce Pkce { get; } = Pkce.Create();

    public string State { get; } = Pkce.RandomValue();

    /// <summary>When set, back-channel requests authenticate with a fresh assertion from it (private_key_jwt) instead of the secret.</summary>
    public ClientAssertion? Assertion { get; init; }

    public string Nonce { get; } = Pkce.RandomValue();

    public string AuthorizeUrl(string scope = DefaultScope, string redirectUri = AuthServerFactory.RedirectUri) =>
        QueryHelpers.AddQueryString("/connect/authorize", AuthorizeParameters(scope, redirectUri));

    /// <summary>The front-channel request of a pushed authorization request (RFC 9126 §4): client_id and request_uri only.</summary>
    public string PushedAuthorizeUrl(string requestUri) =>
        QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?> { ["client_id"] = clientId, ["request_uri"] = requestUri });

    /// <summary>POSTs the authorization request to the pushed authorization endpoint (RFC 9126 §2.1).</summary>
    public Task<HttpResponseMessage> PushAsync(Action<Dictionary<string, string>>? change = null)
    {
        var form = AuthorizeParameters(DefaultScope, AuthServerFactory.RedirectUri).ToDictionary(p => p.Key, p => p.Value!);
        change?.Invoke(form);
        return BackChannelAsync("/connect/par", form);
    }

    private Dictionary<string, string?> AuthorizeParameters(string scope, string redirectUri) => new()
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = scope,
            ["state"] = State,
            ["nonce"] = Nonce,
            ["code_challenge"] = Pkce.Challenge,
            ["code_challenge_method"] = "S256",
        };

    /// <summary>GET authorize (<paramref name="authorizeUrl"/>, or <see cref="AuthorizeUrl"/>), sign in when asked, and return the consent page's HTML.</summary>
    public async Task<string> OpenConsentPageAsync(string user = "alice", string password = "alice", string? authorizeUrl = null)
    {
        var response = await browser.GetAsync(new Uri(authorizeUrl ?? AuthorizeUrl(), UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            var login = response.Headers.Location!;
            Assert.Equal("/account/login", login.IsAbsoluteUri ? login.AbsolutePath : login.OriginalString.Split('?')[0]);
            var loginPage = await browser.GetStringAsync(login);
            var fields = HtmlForm.HiddenFields(loginPage);
            fields.Add(KeyValuePair.Create("Username", user));
            fields.Add(KeyValuePair.Create("Password", password));
            var signedIn = await PostFormAsync("/account/login", fields);
            Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            response = await browser.GetAsync(signedIn.Headers.Location);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>Presses Allow or Deny on the consent page; returns the redirect back to the client.</summary>
    public async Task<Uri> DecideAsync(string consentPage, string decision)
    {
        var fields = HtmlForm.HiddenFields(consentPage);
        fields.Add(KeyValuePair.Create("decision", decision));
        var response = await PostFormAsync("/connect/authorize", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.Location!;
    }

    /// <summary>Runs the whole front channel and returns the authorization code.</summary>
    public async Task<string> GetCodeAsync()
    {
        var callback = await DecideAsync(await OpenConsentPageAsync(), "allow");
        return QueryHelpers.ParseQuery(callback.Query)["code"].ToString();
    }

    public Task<HttpResponseMessage> RedeemAsync(string code, string? verifier = null, string? dpop = null) => TokenAsync(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = AuthServerFactory.RedirectUri,
        ["code_verifier"] = verifier ?? Pkce.Verifier,
    }, dpop);

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken, string? dpop = null) => TokenAsync(new()
    {
        ["grant_type"] = "refresh_token",
        ["refresh_token"] = refreshToken,
    }, dpop);

    /// <summary>Runs the flow to the end and returns the token response.</summary>
    public async Task<JsonElement> GetTokensAsync()
    {
        var response = await RedeemAsync(await GetCodeAsync());
        return await ReadJsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>
    /// A back-channel POST authenticated with client_secret_basic (RFC 6749 §2.3.1), or with a client assertion
    /// (RFC 7523 §2.2) when <see cref="Assertion"/> is set or <paramref name="assertion"/> is given.
    /// </summary>
    public async Task<HttpResponseMessage> BackChannelAsync(
        string path, Dictionary<string, string> form, string secret = AuthServerFactory.ClientSecret, string? assertion = null, string? dpop = null)
    {
        assertion ??= Assertion?.Create();
        if (assertion is not null)
        {
            form = new Dictionary<string, string>(form)
            {
                ["client_id"] = clientId,
                ["client_assertion_type"] = ClientAssertion.Type,
                ["client_assertion"] = assertion,
            };
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(form) };
        if (assertion is null)
        {
            var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}"));
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", credentials);
        }

        if (dpop is not null)
        {
            request.Headers.Add("DPoP", dpop);
        }

        return await browser.SendAsync(request);
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<HttpResponseMessage> TokenAsync(Dictionary<string, string> form, string? dpop) =>
        BackChannelAsync("/connect/token", form, dpop: dpop);

    private async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(path, UriKind.Relative), content);
    }
}
