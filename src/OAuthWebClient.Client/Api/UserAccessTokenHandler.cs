using System.Net;
using System.Net.Http.Headers;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.ProofOfPossession;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.Api;

/// <summary>
/// Adds <c>Authorization: Bearer</c> (RFC 6750 §2.1) with the signed-in user's access token — only for the configured
/// origins; a DPoP-bound token goes as <c>Authorization: DPoP</c> with a proof carrying <c>ath</c> (RFC 9449 §7.1), and a
/// resource server's <c>use_dpop_nonce</c> challenge is answered with one retry (§9). On 401 <c>invalid_token</c> it refreshes once and retries once (§3.1). What the token cannot cure becomes a
/// <see cref="UserAccessTokenException"/>: no token to send, 403 <c>insufficient_scope</c> (with the scope asked for), or a
/// 401 that remains.
/// </summary>
internal sealed class UserAccessTokenHandler(
    IHttpContextAccessor httpContextAccessor,
    IUserTokenService tokens,
    EventDispatcher events,
    TimeProvider timeProvider,
    DPoPProofFactory proofs,
    DPoPNonces nonces,
    DPoPKeyCache keys,
    UserAccessTokenHandlerOptions options) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsAllowedOrigin(request.RequestUri))
        {
            throw new InvalidOperationException("Refusing to send the access token to an origin that is not one of the handler's AllowedOrigins.");
        }

        var context = httpContextAccessor.HttpContext ?? throw new UserAccessTokenException(UserTokenFailure.SessionMissing);
        var token = Token(await tokens.GetAccessTokenAsync(context, cancellationToken));
        var response = await SendWithNonceAsync(context, request, token, isRetry: false, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized && BearerChallenge.HasError(response, "invalid_token"))
        {
            var renewed = Token(await tokens.RefreshAsync(context, rejectedAccessToken: token.AccessToken, cancellationToken));
            if (renewed.AccessToken != token.AccessToken)
            {
                response.Dispose();
                response = await SendWithNonceAsync(context, request, renewed, isRetry: true, cancellationToken);
            }
        }

        return Checked(response);
    }

    /// <summary>RFC 9449 §9: a resource server that wants a nonce answers 401 <c>use_dpop_nonce</c> with a <c>DPoP-Nonce</c>; one retry with it.</summary>
    private async Task<HttpResponseMessage> SendWithNonceAsync(HttpContext context, HttpRequestMessage request, UserToken token, bool isRetry, CancellationToken cancellationToken)
    {
        var response = await SendWithAsync(context, request, token, isRetry, cancellationToken);
        if (token.TokenType == DPoPProofFactory.TokenType && nonces.Remember(request.RequestUri!, response) &&
            response.StatusCode == HttpStatusCode.Unauthorized && BearerChallenge.HasError(response, "use_dpop_nonce"))
        {
            response.Dispose();
            response = await SendWithAsync(context, request, token, isRetry: true, cancellationToken);
            nonces.Remember(request.RequestUri!, response);
        }

        return response;
    }

    private async Task<HttpResponseMessage> SendWithAsync(HttpContext context, HttpRequestMessage request, UserToken token, bool isRetry, CancellationToken cancellationToken)
    {
        string? proof = null;
        request.Headers.Remove(DPoPProofFactory.HeaderName); // a retry's proof is fresh; a Bearer retry carries none
        if (token.TokenType == DPoPProofFactory.TokenType)
        {
            // RFC 9449 §7.1: a DPoP-bound token only ever travels with a fresh proof for this request (htm, htu, ath).
            var key = (token.DPoPKey is { } json ? keys.Get(json) : null) ?? throw new UserAccessTokenException(UserTokenFailure.ReauthenticationRequired);
            proof = proofs.Create(key, request.Method, request.RequestUri!, token.AccessToken, nonces.For(request.RequestUri!));
            request.Headers.Add(DPoPProofFactory.HeaderName, proof);
            request.Headers.Authorization = new AuthenticationHeaderValue(DPoPProofFactory.TokenType, token.AccessToken);
        }
        else
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        }

        var started = timeProvider.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            await ReportAsync(context, request, token.AccessToken, proof, isRetry, started, (int)response.StatusCode, response.Headers.WwwAuthenticate.ToString());
            return response;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            await ReportAsync(context, request, token.AccessToken, proof, isRetry, started, status: null, "no answer: " + e.GetType().Name);
            throw;
        }
    }

    /// <summary>RFC 6750 §3.1: what a refresh did not cure is for the app to act on (sign in again, or ask for more scope).</summary>
    private static HttpResponseMessage Checked(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Forbidden && BearerChallenge.HasError(response, "insufficient_scope"))
        {
            var scope = BearerChallenge.Parameter(response, "scope");
            response.Dispose();
            throw new UserAccessTokenException(UserTokenFailure.InsufficientScope) { RequiredScope = scope };
        }

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            var failure = BearerChallenge.HasError(response, "invalid_token") ? UserTokenFailure.InvalidToken : UserTokenFailure.TokenRejected;
            response.Dispose();
            throw new UserAccessTokenException(failure);
        }

        return response;
    }

    private static UserToken Token(UserTokenResult result) =>
        result.Token ?? throw new UserAccessTokenException(result.Failure ?? UserTokenFailure.SessionMissing);

    private Task ReportAsync(HttpContext context, HttpRequestMessage request, string token, string? proof, bool isRetry, long started, int? status, string? challenge) =>
        !events.IsActive || request.RequestUri is null ? Task.CompletedTask : events.RaiseAsync(new ApiCallContext
        {
            HttpContext = context,
            At = events.Now,
            SessionKey = SessionTokens.SessionId(context) is { } id ? SessionClaims.Key(id) : "",
            Method = request.Method.Method,
            Url = new Uri(request.RequestUri.GetLeftPart(UriPartial.Path)),
            StatusCode = status,
            Latency = timeProvider.GetElapsedTime(started),
            AccessToken = new SecretValue(token),
            DPoPProof = proof is null ? null : DPoPProofFactory.View(proof),
            Challenge = string.IsNullOrEmpty(challenge) ? null : challenge,
            IsRetry = isRetry,
        }, (s, c) => s.ApiCallCompleted(c));

    private bool IsAllowedOrigin(Uri? uri) =>
        uri is { IsAbsoluteUri: true } && options.AllowedOrigins.Any(origin =>
            Uri.Compare(uri, origin, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0);
}
