using Microsoft.Extensions.Options;
using OAuthWebClient.Callback;
using OAuthWebClient.Metadata;
using OAuthWebClient.OAuth;

namespace OAuthWebClient.Tokens;

/// <summary>
/// Hands out a session's access token, refreshing it (RFC 6749 §6) shortly before it expires, one refresh at a
/// time per session — in this process (<see cref="SingleFlight"/>) and across instances (<see cref="IRefreshLease"/>:
/// whoever does not hold the lease waits for the new tokens in the store instead of refreshing again) — and
/// revokes the tokens at sign-out (RFC 7009).
/// </summary>
public sealed class TokenService(
    ITokenStore store,
    TokenEndpointClient tokenEndpoint,
    ServerMetadataProvider metadata,
    IdTokenValidator idTokenValidator,
    SingleFlight singleFlight,
    IRefreshLease refreshLease,
    RequestTokenCache requestCache,
    TimeProvider timeProvider,
    IOptions<OAuthClientOptions> options,
    ILogger<TokenService> logger)
{
    /// <summary>How often a caller without the lease looks for the peer's new tokens.</summary>
    private static readonly TimeSpan PeerPollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>The lease outlives the token request's timeout by this much; a dead holder's lease then expires.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private readonly OAuthClientOptions _options = options.Value;

    /// <param name="rejectedAccessToken">An access token the resource server just refused: refresh even if it looks valid.</param>
    public async Task<AccessTokenResult> GetAccessTokenAsync(string sessionId, string? rejectedAccessToken = null, CancellationToken cancellationToken = default)
    {
        var tokens = await GetTokensAsync(sessionId, cancellationToken);
        if (tokens is null)
        {
            return AccessTokenResult.SessionMissing;
        }

        if (!NeedsRefresh(tokens, rejectedAccessToken))
        {
            return AccessTokenResult.Ok(tokens);
        }

        // Shared by every concurrent caller, so it must not die with the first caller's request.
        var result = await singleFlight.RunAsync(sessionId, () => RefreshAsync(sessionId, rejectedAccessToken, CancellationToken.None));
        requestCache.Set(sessionId, result.Tokens);
        return result;
    }

    public async Task<TokenSet?> GetTokensAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (requestCache.TryGet(sessionId, out var cached))
        {
            return cached;
        }

        var tokens = await store.GetAsync(sessionId, cancellationToken);
        requestCache.Set(sessionId, tokens);
        return tokens;
    }

    public async Task StoreAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        await store.SetAsync(sessionId, tokens, cancellationToken);
        requestCache.Set(sessionId, tokens);
    }

    /// <summary>Revokes refresh and access token where the server supports it, then forgets them. Never throws for the server's sake.</summary>
    public async Task RevokeAsync(string sessionId, CancellationToken cancellationToken)
    {
        var tokens = await store.GetAsync(sessionId, cancellationToken);
        await store.RemoveAsync(sessionId, cancellationToken);
        requestCache.Set(sessionId, null);
        if (tokens is null)
        {
            return;
        }

        Uri? endpoint;
        try
        {
            endpoint = (await metadata.GetAsync(cancellationToken)).RevocationEndpoint;
        }
        catch (InvalidOperationException)
        {
            endpoint = null;
        }

        if (endpoint is null)
        {
            return;
        }

        // RFC 7009 §2.1: revoking the refresh token first also invalidates tokens issued from it at many servers.
        if (tokens.RefreshToken is not null)
        {
            await tokenEndpoint.RevokeAsync(endpoint, tokens.RefreshToken, "refresh_token", cancellationToken);
        }

        await tokenEndpoint.RevokeAsync(endpoint, tokens.AccessToken, "access_token", cancellationToken);
    }

    private bool NeedsRefresh(TokenSet tokens, string? rejectedAccessToken) =>
        string.Equals(tokens.AccessToken, rejectedAccessToken, StringComparison.Ordinal) ||
        tokens.ExpiresAt - timeProvider.GetUtcNow() <= _options.RefreshBeforeExpiry;

    private async Task<AccessTokenResult> RefreshAsync(string sessionId, string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        var leaseDuration = _options.BackchannelTimeout + LeaseMargin;
        var waitUntil = Environment.TickCount64 + (long)leaseDuration.TotalMilliseconds;
        while (true)
        {
            // Another caller (here or on another instance) may have refreshed while this one waited.
            var tokens = await store.GetAsync(sessionId, cancellationToken);
            if (tokens is null || !NeedsRefresh(tokens, rejectedAccessToken))
            {
                return tokens is null ? AccessTokenResult.SessionMissing : AccessTokenResult.Ok(tokens);
            }

            await using (var lease = await refreshLease.TryAcquireAsync(sessionId, leaseDuration, cancellationToken))
            {
                if (lease is not null)
                {
                    // Read once more under the lease: a peer may have finished between the read and the lease.
                    tokens = await store.GetAsync(sessionId, cancellationToken);
                    return tokens is null ? AccessTokenResult.SessionMissing
                        : NeedsRefresh(tokens, rejectedAccessToken) ? await RefreshUnderLeaseAsync(sessionId, tokens, cancellationToken)
                        : AccessTokenResult.Ok(tokens);
                }
            }

            if (Environment.TickCount64 > waitUntil)
            {
                return StillValid(tokens) ? AccessTokenResult.Ok(tokens) : AccessTokenResult.TemporarilyUnavailable;
            }

            await Task.Delay(PeerPollInterval, cancellationToken);
        }
    }

    private async Task<AccessTokenResult> RefreshUnderLeaseAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        if (tokens.RefreshToken is null)
        {
            return StillValid(tokens) ? AccessTokenResult.Ok(tokens) : await EndAsync(sessionId, cancellationToken);
        }

        var server = await TryGetMetadataAsync(cancellationToken);
        var result = server is null
            ? TokenEndpointResult.Unreachable("metadata unavailable")
            : await tokenEndpoint.RefreshAsync(server.TokenEndpoint, tokens.RefreshToken, cancellationToken);
        var session = RandomValue.Fingerprint(sessionId, 8);
        if (result.Response is { } response)
        {
            return await AcceptAsync(sessionId, session, tokens, response, cancellationToken);
        }

        Log.RefreshFailed(logger, session, result.Failure.ToString()!, result.Failure == TokenFailureKind.Rejected ? result.Error : null);
        if (result.Failure == TokenFailureKind.Rejected && result.Error == "invalid_grant")
        {
            // RFC 6749 §5.2: the grant is dead (expired, revoked, or reused): drop the tokens, sign in again.
            return await EndAsync(sessionId, cancellationToken);
        }

        return StillValid(tokens) ? AccessTokenResult.Ok(tokens) : AccessTokenResult.TemporarilyUnavailable;
    }

    private async Task<AccessTokenResult> AcceptAsync(string sessionId, string session, TokenSet old, TokenResponse response, CancellationToken cancellationToken)
    {
        if (response.IdToken is not null)
        {
            // OIDC Core §12.2: a refreshed ID token must name the same issuer and subject.
            var identity = await idTokenValidator.ValidateAsync(response.IdToken, expectedNonce: null, cancellationToken);
            if (!identity.IsValid || identity.Issuer != old.Issuer || identity.Subject != old.Subject)
            {
                Log.RefreshedIdentityChanged(logger, session);
                return await EndAsync(sessionId, cancellationToken);
            }
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
            LastRefreshed = now,
        };
        await store.SetAsync(sessionId, refreshed, cancellationToken);
        Log.Refreshed(logger, session, response.RefreshToken is not null && response.RefreshToken != old.RefreshToken);
        return AccessTokenResult.Ok(refreshed);
    }

    private async Task<AccessTokenResult> EndAsync(string sessionId, CancellationToken cancellationToken)
    {
        await store.RemoveAsync(sessionId, cancellationToken);
        return AccessTokenResult.ReauthenticationRequired;
    }

    private bool StillValid(TokenSet tokens) => tokens.ExpiresAt > timeProvider.GetUtcNow();

    private async Task<ServerMetadata?> TryGetMetadataAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await metadata.GetAsync(cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
