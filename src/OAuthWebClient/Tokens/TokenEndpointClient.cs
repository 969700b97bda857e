using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Tokens;

/// <summary>
/// The back-channel to the token and revocation endpoints (a typed client from IHttpClientFactory, with
/// <c>OAuth:BackchannelTimeout</c>). Never retried: an authorization code is single use (RFC 6749 §4.1.2).
/// </summary>
public sealed class TokenEndpointClient(HttpClient httpClient, IOptions<OAuthClientOptions> options, ILogger<TokenEndpointClient> logger)
{
    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5).</summary>
    public Task<TokenEndpointResult> RedeemCodeAsync(Uri tokenEndpoint, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken) =>
        SendAsync(tokenEndpoint, "authorization_code", new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    /// <summary>RFC 6749 §6.</summary>
    public Task<TokenEndpointResult> RefreshAsync(Uri tokenEndpoint, string refreshToken, CancellationToken cancellationToken) =>
        SendAsync(tokenEndpoint, "refresh_token", new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>RFC 7009 §2.1. True when the server confirmed (HTTP 200).</summary>
    public async Task<bool> RevokeAsync(Uri revocationEndpoint, string token, string tokenTypeHint, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(revocationEndpoint, new() { ["token"] = token, ["token_type_hint"] = tokenTypeHint });
        try
        {
            // Only the status matters (RFC 7009 §2.2): the body is never read, so it cannot be made to fill memory.
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (BackchannelHttp.IsRedirect(response))
            {
                Log.RedirectRefused(logger, "revocation", (int)response.StatusCode, BackchannelHttp.Target(response));
            }

            Log.Revoked(logger, tokenTypeHint, (int)response.StatusCode);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.RevocationFailed(logger, tokenTypeHint, e.GetType().Name);
            return false;
        }
    }

    private async Task<TokenEndpointResult> SendAsync(Uri endpoint, string grantType, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(endpoint, form);
        // OAuth:BackchannelTimeout bounds the whole exchange: a body that trickles in is cut off like a hung server.
        using var deadline = BackchannelHttp.Deadline(_options.BackchannelTimeout, cancellationToken);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            if (BackchannelHttp.IsRedirect(response))
            {
                // RFC 9700 §4.11: following it would re-send the code, the verifier and the credentials elsewhere.
                Log.RedirectRefused(logger, grantType, (int)response.StatusCode, BackchannelHttp.Target(response));
                return TokenEndpointResult.Malformed(
                    $"The token endpoint answered with a redirect ({BackchannelHttp.Status(response.StatusCode)}); calls to the sign-in server never follow redirects.");
            }

            var body = await BackchannelHttp.ReadLimitedAsync(response.Content, TokenResponseParser.MaxBodyBytes, deadline.Token);
            var result = body is null
                ? TokenEndpointResult.Malformed($"The token endpoint's answer is larger than {TokenResponseParser.MaxBodyBytes} bytes.")
                : TokenResponseParser.Parse((int)response.StatusCode, body.Value);
            Log.TokenEndpointAnswered(logger, grantType, (int)response.StatusCode, result.Failure?.ToString() ?? "Success", result.Failure == TokenFailureKind.Rejected ? result.Error : null);
            return result;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The exception message can name the endpoint but never carries the form body.
            var timedOut = e is OperationCanceledException;
            Log.TokenEndpointUnreachable(logger, grantType, timedOut ? "timeout" : e.GetType().Name);
            return TokenEndpointResult.Unreachable(timedOut ? "timeout" : "connection failed");
        }
    }

    private HttpRequestMessage CreateRequest(Uri endpoint, Dictionary<string, string> form)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var secret = _options.ClientSecret;
        if (string.IsNullOrEmpty(secret))
        {
            form["client_id"] = _options.ClientId;
        }
        else if (_options.ClientAuthentication == ClientAuthenticationMethod.ClientSecretPost)
        {
            form["client_id"] = _options.ClientId;
            form["client_secret"] = secret;
        }
        else
        {
            // RFC 6749 §2.3.1: id and secret are form-url-encoded before being joined and base64-encoded.
            var credentials = $"{WebUtility.UrlEncode(_options.ClientId)}:{WebUtility.UrlEncode(secret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        request.Content = new FormUrlEncodedContent(form);
        return request;
    }
}
