using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Protocol;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// The back-channel to the token and revocation endpoints (a typed client from IHttpClientFactory, with
/// <c>OAuth:BackchannelTimeout</c>). Never retried: an authorization code is single use (RFC 6749 §4.1.2).
/// </summary>
internal sealed class TokenEndpointClient(HttpClient httpClient, EventDispatcher events, TimeProvider timeProvider, IOptions<OAuthClientOptions> options, ILogger<TokenEndpointClient> logger)
{
    /// <summary>The named back-channel client it sends with (one per provider is built on it, keyed by provider).</summary>
    public const string HttpClientName = nameof(TokenEndpointClient);

    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5).</summary>
    public Task<TokenEndpointResult> RedeemCodeAsync(TokenCall call, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken) =>
        SendAsync(call, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        }, cancellationToken);

    /// <summary>RFC 6749 §6.</summary>
    public Task<TokenEndpointResult> RefreshAsync(TokenCall call, string refreshToken, CancellationToken cancellationToken) =>
        SendAsync(call, new()
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = refreshToken,
        }, cancellationToken);

    /// <summary>
    /// RFC 7009 §2.1, authenticated with a method of <paramref name="advertisedMethods"/> (<c>revocation_endpoint_auth_methods_supported</c>,
    /// see <see cref="RevocationAuthentication"/>). True when the server confirmed (HTTP 200).
    /// </summary>
    public async Task<bool> RevokeAsync(TokenCall call, string token, string tokenTypeHint, ICollection<string> advertisedMethods, CancellationToken cancellationToken)
    {
        var authentication = RevocationAuthentication.Choose(_options.ClientAuthentication, advertisedMethods);
        var form = new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = tokenTypeHint };
        using var request = CreateRequest(call.Endpoint, form, authentication);
        await SentAsync(call, form, authentication);
        var started = timeProvider.GetTimestamp();
        try
        {
            // Only the status matters (RFC 7009 §2.2): the body is never read, so it cannot be made to fill memory.
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (BackchannelHttp.IsRedirect(response))
            {
                Log.RedirectRefused(logger, "revocation", (int)response.StatusCode, BackchannelHttp.Target(response));
            }

            Log.Revoked(logger, tokenTypeHint, (int)response.StatusCode);
            await ReceivedAsync(call, started, (int)response.StatusCode, body: null, result: null);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            Log.RevocationFailed(logger, tokenTypeHint, e.GetType().Name);
            await ReceivedAsync(call, started, status: null, body: null, TokenEndpointResult.Unreachable(e.GetType().Name));
            return false;
        }
    }

    private async Task<TokenEndpointResult> SendAsync(TokenCall call, Dictionary<string, string> form, CancellationToken cancellationToken)
    {
        var grantType = call.GrantType;
        var optional = TokenParameters.For(_options);
        using var request = CreateRequest(call.Endpoint, form, _options.ClientAuthentication, optional);
        await SentAsync(call, form.Concat(optional), _options.ClientAuthentication);
        var started = timeProvider.GetTimestamp();
        // OAuth:BackchannelTimeout bounds the whole exchange: a body that trickles in is cut off like a hung server.
        using var deadline = BackchannelHttp.Deadline(_options.BackchannelTimeout, cancellationToken);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            TokenEndpointResult result;
            ReadOnlyMemory<byte>? body = null;
            if (BackchannelHttp.IsRedirect(response))
            {
                // RFC 9700 §4.11: following it would re-send the code, the verifier and the credentials elsewhere.
                Log.RedirectRefused(logger, grantType, (int)response.StatusCode, BackchannelHttp.Target(response));
                result = TokenEndpointResult.Malformed(
                    $"The token endpoint answered with a redirect ({BackchannelHttp.Status(response.StatusCode)}); calls to the sign-in server never follow redirects.");
            }
            else
            {
                body = await BackchannelHttp.ReadLimitedAsync(response.Content, TokenResponseParser.MaxBodyBytes, deadline.Token);
                result = body is null
                    ? TokenEndpointResult.Malformed($"The token endpoint's answer is larger than {TokenResponseParser.MaxBodyBytes} bytes.")
                    : TokenResponseParser.Parse((int)response.StatusCode, body.Value);
                Log.TokenEndpointAnswered(logger, grantType, (int)response.StatusCode, result.Failure?.ToString() ?? "Success", result.Failure == TokenRequestFailure.Rejected ? result.Error : null);
            }

            await ReceivedAsync(call, started, (int)response.StatusCode, body, result);
            return result;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // The exception message can name the endpoint but never carries the form body.
            var timedOut = e is OperationCanceledException;
            Log.TokenEndpointUnreachable(logger, grantType, timedOut ? "timeout" : e.GetType().Name);
            var result = TokenEndpointResult.Unreachable(timedOut ? "timeout" : "connection failed");
            await ReceivedAsync(call, started, status: null, body: null, result);
            return result;
        }
    }

    private Task SentAsync(TokenCall call, IEnumerable<KeyValuePair<string, string>> form, ClientAuthenticationMethod authentication) => !events.IsActive ? Task.CompletedTask : events.RaiseAsync(new TokenRequestContext
    {
        HttpContext = call.HttpContext,
        At = events.Now,
        Kind = call.Kind,
        Endpoint = call.PlainEndpoint,
        TransactionId = call.TransactionId,
        SessionKey = call.SessionKey,
        Parameters = TokenEventDescriptions.Form(form),
        ClientAuthentication = TokenEventDescriptions.ClientAuthentication(_options, authentication),
        ClientId = _options.ClientId,
    }, (s, c) => s.TokenRequestSent(c));

    private Task ReceivedAsync(TokenCall call, long started, int? status, ReadOnlyMemory<byte>? body, TokenEndpointResult? result) => !events.IsActive ? Task.CompletedTask : events.RaiseAsync(new TokenResponseContext
    {
        HttpContext = call.HttpContext,
        At = events.Now,
        Kind = call.Kind,
        Endpoint = call.PlainEndpoint,
        TransactionId = call.TransactionId,
        SessionKey = call.SessionKey,
        StatusCode = status,
        Latency = timeProvider.GetElapsedTime(started),
        Parameters = TokenEventDescriptions.Answer(body),
        AccessToken = SecretValue.Of(result?.Response?.AccessToken),
        RefreshToken = SecretValue.Of(result?.Response?.RefreshToken),
        IdToken = SecretValue.Of(result?.Response?.IdToken),
        Failure = result?.Failure,
        Error = result is { Failure: TokenRequestFailure.Rejected, Error: { } error } ? new ProtocolError(error, result.ErrorDescription) : null,
        FailureReason = result?.Failure is TokenRequestFailure.Rejected ? null : result?.Error,
    }, (s, c) => s.TokenResponseReceived(c));

    /// <param name="optional">Sent after the form; may repeat a name (RFC 8707 §2: one <c>resource</c> per indicator).</param>
    private HttpRequestMessage CreateRequest(Uri endpoint, Dictionary<string, string> form, ClientAuthenticationMethod authentication, IReadOnlyList<KeyValuePair<string, string>>? optional = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var secret = _options.ClientSecret;
        if (string.IsNullOrEmpty(secret))
        {
            form["client_id"] = _options.ClientId;
        }
        else if (authentication == ClientAuthenticationMethod.ClientSecretPost)
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

        request.Content = new FormUrlEncodedContent(optional is null ? form : form.Concat(optional));
        return request;
    }
}
