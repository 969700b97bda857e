using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Assertions;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.ProofOfPossession;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// The back-channel to the token, pushed authorization and revocation endpoints (a typed client from IHttpClientFactory,
/// with <c>OAuth:BackchannelTimeout</c>). Never retried — an authorization code is single use (RFC 6749 §4.1.2) — except
/// once when the server asks for a DPoP nonce (RFC 9449 §8), which it does before looking at the grant.
/// </summary>
internal sealed class TokenEndpointClient(
    HttpClient httpClient,
    EventDispatcher events,
    TimeProvider timeProvider,
    IOptions<OAuthClientOptions> options,
    ClientAuthenticator authenticator,
    DPoPProofFactory proofs,
    DPoPNonces nonces,
    ILogger<TokenEndpointClient> logger)
{
    /// <summary>The named back-channel client it sends with (one per provider is built on it, keyed by provider).</summary>
    public const string HttpClientName = nameof(TokenEndpointClient);

    private readonly OAuthClientOptions _options = options.Value;

    /// <summary>RFC 6749 §4.1.3 with the PKCE verifier (RFC 7636 §4.5).</summary>
    public Task<TokenEndpointResult> RedeemCodeAsync(TokenCall call, string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "authorization_code", ["code"] = code };
        if (!_options.OmitRedirectUriAtTokenEndpoint)
        {
            form["redirect_uri"] = redirectUri;
        }

        form["code_verifier"] = codeVerifier;
        return SendAsync(call, form, TokenParameters.For(_options), TokenResponseParser.Parse, cancellationToken);
    }

    /// <summary>RFC 6749 §6.</summary>
    public Task<TokenEndpointResult> RefreshAsync(TokenCall call, string refreshToken, CancellationToken cancellationToken) =>
        SendAsync(call, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken }, TokenParameters.For(_options), TokenResponseParser.Parse, cancellationToken);

    /// <summary>RFC 9126 §2.1: the authorization request's parameters, authenticated like a token request; 201 with a <c>request_uri</c>.</summary>
    public Task<TokenEndpointResult> PushAsync(TokenCall call, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        // RFC 9126 §2.1: client_id is always in the body, also with client_secret_basic (the authentication may set it
        // again, in the same slot: never twice); the others may repeat (resource, RFC 8707 §2).
        var form = new Dictionary<string, string> { ["client_id"] = _options.ClientId };
        return SendAsync(call, form, [.. parameters.Where(p => p.Key != "client_id")], TokenResponseParser.ParsePushed, cancellationToken);
    }

    /// <summary>
    /// RFC 7009 §2.1, authenticated with a method of <paramref name="advertisedMethods"/> (<c>revocation_endpoint_auth_methods_supported</c>,
    /// see <see cref="RevocationAuthentication"/>). True when the server confirmed (HTTP 200).
    /// </summary>
    public async Task<bool> RevokeAsync(TokenCall call, string token, string tokenTypeHint, ICollection<string> advertisedMethods, CancellationToken cancellationToken)
    {
        var authentication = RevocationAuthentication.Choose(_options, advertisedMethods);
        var form = new Dictionary<string, string> { ["token"] = token, ["token_type_hint"] = tokenTypeHint };
        using var request = new HttpRequestMessage(HttpMethod.Post, call.Endpoint);
        var assertion = authenticator.Apply(request, form, authentication, call, events.IsActive);
        request.Content = new FormUrlEncodedContent(form);
        await SentAsync(call, form, authentication, assertion, proof: null);
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

    private async Task<TokenEndpointResult> SendAsync(TokenCall call, Dictionary<string, string> form, IReadOnlyList<KeyValuePair<string, string>> optional, Func<int, ReadOnlyMemory<byte>, TokenEndpointResult> parse, CancellationToken cancellationToken)
    {
        var result = await SendOnceAsync(call, new(form), optional, parse, cancellationToken);
        // RFC 9449 §8: a server that wants a nonce refuses with use_dpop_nonce and a DPoP-Nonce header; one retry with it.
        if (call.Proof is not null && result is { Failure: TokenRequestFailure.Rejected, Error: "use_dpop_nonce", NonceChanged: true })
        {
            result = await SendOnceAsync(call, new(form), optional, parse, cancellationToken);
        }

        return call.Kind == TokenRequestKind.PushedAuthorization ? result : CheckTokenType(call, result);
    }

    /// <summary>
    /// RFC 9449 §5 / §7: a DPoP token is used only with proofs, so one issued to a request without a proof is refused; a
    /// Bearer token to a request with a proof is a downgrade, refused when DPoP is required (FAPI 2.0 §5.3.2.1).
    /// </summary>
    private TokenEndpointResult CheckTokenType(TokenCall call, TokenEndpointResult result) => result.Response?.TokenType switch
    {
        "DPoP" when call.Proof is null => TokenEndpointResult.Malformed("The token endpoint issued a DPoP-bound token although no DPoP proof was sent."),
        "Bearer" when call.Proof is not null && _options.RequiresDPoP =>
            TokenEndpointResult.Malformed("The token endpoint answered with a Bearer token although DPoP is required (a refused downgrade, RFC 9449 §5)."),
        _ => result,
    };

    private async Task<TokenEndpointResult> SendOnceAsync(TokenCall call, Dictionary<string, string> form, IReadOnlyList<KeyValuePair<string, string>> optional, Func<int, ReadOnlyMemory<byte>, TokenEndpointResult> parse, CancellationToken cancellationToken)
    {
        var grantType = call.GrantType;
        using var request = new HttpRequestMessage(HttpMethod.Post, call.Endpoint);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var assertion = authenticator.Apply(request, form, _options.ClientAuthentication, call, events.IsActive);
        string? proof = null;
        if (call.Proof is { } key)
        {
            proof = proofs.Create(key, HttpMethod.Post, call.Endpoint, accessToken: null, nonces.For(call.Endpoint));
            request.Headers.Add(DPoPProofFactory.HeaderName, proof);
        }

        request.Content = new FormUrlEncodedContent(form.Concat(optional));
        await SentAsync(call, form.Concat(optional), _options.ClientAuthentication, assertion, proof);
        var started = timeProvider.GetTimestamp();
        // OAuth:BackchannelTimeout bounds the whole exchange: a body that trickles in is cut off like a hung server.
        using var deadline = BackchannelHttp.Deadline(_options.BackchannelTimeout, cancellationToken);
        try
        {
            using var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            var nonceChanged = call.Proof is not null && nonces.Remember(call.Endpoint, response);
            TokenEndpointResult result;
            ReadOnlyMemory<byte>? body = null;
            if (BackchannelHttp.IsRedirect(response))
            {
                // RFC 9700 §4.11: following it would re-send the code, the verifier and the credentials elsewhere.
                Log.RedirectRefused(logger, grantType, (int)response.StatusCode, BackchannelHttp.Target(response));
                result = TokenEndpointResult.Malformed(
                    $"The {EndpointName(call)} answered with a redirect ({BackchannelHttp.Status(response.StatusCode)}); calls to the sign-in server never follow redirects.");
            }
            else
            {
                body = await BackchannelHttp.ReadLimitedAsync(response.Content, TokenResponseParser.MaxBodyBytes, deadline.Token);
                result = body is null
                    ? TokenEndpointResult.Malformed($"The {EndpointName(call)}'s answer is larger than {TokenResponseParser.MaxBodyBytes} bytes.")
                    : parse((int)response.StatusCode, body.Value) with { NonceChanged = nonceChanged };
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

    private static string EndpointName(TokenCall call) => TokenResponseParser.EndpointName(call.Kind == TokenRequestKind.PushedAuthorization);

    private Task SentAsync(TokenCall call, IEnumerable<KeyValuePair<string, string>> form, ClientAuthenticationMethod authentication, SignedJwtView? assertion, string? proof) =>
        !events.IsActive ? Task.CompletedTask : events.RaiseAsync(new TokenRequestContext
        {
            HttpContext = call.HttpContext,
            At = events.Now,
            Kind = call.Kind,
            Provider = call.Provider,
            Endpoint = call.PlainEndpoint,
            TransactionId = call.TransactionId,
            SessionKey = call.SessionKey,
            Parameters = TokenEventDescriptions.Form(form),
            ClientAuthentication = authenticator.Describe(authentication),
            ClientAssertion = assertion,
            DPoPProof = proof is null ? null : DPoPProofFactory.View(proof),
            ClientId = _options.ClientId,
        }, (s, c) => s.TokenRequestSent(c));

    private Task ReceivedAsync(TokenCall call, long started, int? status, ReadOnlyMemory<byte>? body, TokenEndpointResult? result) => !events.IsActive ? Task.CompletedTask : events.RaiseAsync(new TokenResponseContext
    {
        HttpContext = call.HttpContext,
        At = events.Now,
        Kind = call.Kind,
        Provider = call.Provider,
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
}
