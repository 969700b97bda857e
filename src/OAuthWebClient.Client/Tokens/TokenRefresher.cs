using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Claims;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client.ProofOfPossession;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// One refresh (RFC 6749 §6), run by <see cref="RefreshCoordinator"/> under the session's lease: redeem the refresh
/// token, re-validate a new ID token (OIDC Core §12.2), store the result — or end the session when the grant is dead.
/// Shared by concurrent callers, so it writes only the store: each caller updates its own request's view afterwards.
/// </summary>
internal sealed class TokenRefresher(
    SessionTokens sessionTokens,
    [FromKeyedServices] TokenEndpointClient tokenEndpoint,
    [FromKeyedServices] ServerMetadataProvider metadata,
    [FromKeyedServices] IdTokenValidator idTokenValidator,
    EventDispatcher events,
    TimeProvider timeProvider,
    [FromKeyedServices] IOptions<OAuthClientOptions> options,
    ILogger<TokenRefresher> logger,
    [FromKeyedServices] SignInClaims signInClaims,
    [ServiceKey] string provider)
{
    private readonly OAuthClientOptions _options = options.Value;

    public async Task<UserTokenResult> RefreshAsync(HttpContext? context, string sessionId, TokenSet tokens, bool leaseWaited)
    {
        var session = SessionClaims.Key(sessionId);
        if (tokens.RefreshToken is null)
        {
            return StillValid(tokens) ? UserTokenResult.Ok(tokens)
                : await FailedAsync(context, sessionId, UserTokenFailure.ReauthenticationRequired, RefreshFailureReason.NoRefreshToken, null, "The access token expired and there is no refresh token.", end: true);
        }

        var server = await metadata.TryGetAsync(CancellationToken.None);
        var call = server is null ? null : new TokenCall(TokenRequestKind.RefreshToken, server.TokenEndpoint, context, server.Issuer, provider, SessionKey: session, Proof: ProofKey(tokens));
        var result = call is null
            ? TokenEndpointResult.Unreachable("metadata unavailable")
            : await tokenEndpoint.RefreshAsync(call, tokens.RefreshToken, CancellationToken.None);
        if (result.Response is { } response)
        {
            return await AcceptAsync(context, sessionId, tokens, response, call!, server!, leaseWaited);
        }

        Log.RefreshFailed(logger, session, result.Failure.ToString()!, result.Failure == TokenRequestFailure.Rejected ? result.Error : null);
        var error = result.Failure == TokenRequestFailure.Rejected ? new ProtocolError(result.Error!, result.ErrorDescription) : null;
        if (error?.Error == "invalid_grant")
        {
            // RFC 6749 §5.2: the grant is dead (expired, revoked, or reused): drop the tokens, sign in again.
            return await FailedAsync(context, sessionId, UserTokenFailure.ReauthenticationRequired, RefreshFailureReason.GrantRejected, error, "The refresh token was refused (invalid_grant).", end: true);
        }

        var failure = result.Failure switch
        {
            TokenRequestFailure.Rejected => RefreshFailureReason.Rejected,
            TokenRequestFailure.Malformed => RefreshFailureReason.Malformed,
            _ => RefreshFailureReason.Unreachable,
        };
        var reason = error is null ? "The token endpoint gave no tokens: " + result.Error : "The token endpoint refused the refresh: " + error.Error;
        return StillValid(tokens)
            ? await FailedAsync(context, sessionId, outcome: null, failure, error, reason, end: false, kept: tokens)
            : await FailedAsync(context, sessionId, UserTokenFailure.TemporarilyUnavailable, failure, error, reason, end: false);
    }

    private async Task<UserTokenResult> AcceptAsync(HttpContext? context, string sessionId, TokenSet old, TokenResponse response, TokenCall call, ServerMetadata server, bool leaseWaited)
    {
        var user = old.User;
        if (response.IdToken is not null)
        {
            // OIDC Core §12.2: a refreshed ID token must name the same issuer and subject.
            var identity = await idTokenValidator.ValidateAsync(response.IdToken, expectedNonce: null, call, CancellationToken.None);
            if (!identity.IsValid || identity.Issuer != old.Issuer || identity.Subject != old.Subject)
            {
                Log.RefreshedIdentityChanged(logger, call.SessionKey!);
                return await FailedAsync(context, sessionId, UserTokenFailure.ReauthenticationRequired, RefreshFailureReason.IdentityChanged, null, "The refreshed ID token names a different issuer or subject.", end: true);
            }

            // The session's name, email and roles follow the provider: a role taken away there is gone here at the next
            // refresh that brings an ID token. If the userinfo call fails now, the claims from sign-in are kept.
            var (mapped, _) = await signInClaims.ResolveAsync(server, response.AccessToken, response.IdToken, identity.Subject, call.SessionKey!, CancellationToken.None);
            user = mapped ?? user;
        }

        var now = timeProvider.GetUtcNow();
        var refreshed = old with
        {
            AccessToken = response.AccessToken,
            // RFC 6749 §6: the server may keep the old refresh token; keep it unless a new one came.
            RefreshToken = response.RefreshToken ?? old.RefreshToken,
            IdToken = response.IdToken ?? old.IdToken,
            ExpiresAt = now + (response.ExpiresIn ?? _options.AssumedAccessTokenLifetime),
            Scope = response.Scope ?? old.Scope,
            TokenType = response.TokenType,
            LastRefreshed = now,
            User = user,
        };
        if (!await sessionTokens.ReplaceAsync(null, sessionId, refreshed, CancellationToken.None))
        {
            // Signed out (here, elsewhere, or by a back-channel logout) while the refresh was under way: it stays ended.
            return await FailedAsync(context, sessionId, UserTokenFailure.ReauthenticationRequired, RefreshFailureReason.SessionEnded, null, "The session ended while its tokens were being refreshed.", end: true);
        }

        var rotated = response.RefreshToken is not null && response.RefreshToken != old.RefreshToken;
        Log.Refreshed(logger, call.SessionKey!, rotated);
        if (events.IsActive)
        {
            await events.RaiseAsync(new TokenRefreshedContext
            {
                HttpContext = context,
                At = now,
                SessionKey = call.SessionKey!,
                Rotated = rotated,
                LeaseWaited = leaseWaited,
                ExpiresAt = refreshed.ExpiresAt,
            }, (s, c) => s.TokenRefreshed(c));
        }

        return UserTokenResult.Ok(refreshed);
    }

    /// <summary>RFC 9449 §5: a refresh of DPoP-bound tokens carries a proof with the session's key.</summary>
    private static DPoPKey? ProofKey(TokenSet tokens) => tokens.DPoPKey is { } json ? DPoPKey.FromJson(json) : null;

    private async Task<UserTokenResult> FailedAsync(HttpContext? context, string sessionId, UserTokenFailure? outcome, RefreshFailureReason failure, ProtocolError? error, string reason, bool end, TokenSet? kept = null)
    {
        if (end)
        {
            await sessionTokens.RemoveAsync(null, sessionId, CancellationToken.None);
        }

        if (events.IsActive)
        {
            await events.RaiseAsync(new RefreshFailedContext
            {
                HttpContext = context,
                At = events.Now,
                SessionKey = SessionClaims.Key(sessionId),
                Outcome = outcome,
                Failure = failure,
                Error = error,
                Reason = reason,
            }, (s, c) => s.RefreshFailed(c));
        }

        return outcome switch
        {
            null => UserTokenResult.Ok(kept!),
            UserTokenFailure.ReauthenticationRequired => UserTokenResult.ReauthenticationRequired,
            _ => UserTokenResult.TemporarilyUnavailable,
        };
    }

    private bool StillValid(TokenSet tokens) => tokens.ExpiresAt > timeProvider.GetUtcNow();
}
