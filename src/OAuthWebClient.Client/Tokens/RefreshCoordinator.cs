using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// One refresh at a time per session: in this process (<see cref="SingleFlight{T}"/>: concurrent callers share one task)
/// and across instances (<see cref="IRefreshLease"/>: whoever does not hold the lease waits for the holder's new tokens
/// in the store instead of refreshing again — RFC 9700 §4.14.2, a rotated refresh token is redeemed once). How long a
/// caller waits is measured on the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RefreshCoordinator(IRefreshLease refreshLease, TimeProvider timeProvider, IOptions<OAuthClientOptions> options, EventDispatcher events)
{
    /// <summary>How often a caller without the lease looks for the holder's new tokens.</summary>
    private static readonly TimeSpan PeerPollInterval = TimeSpan.FromMilliseconds(25);

    /// <summary>The lease outlives the token request's timeout by this much; a dead holder's lease then expires.</summary>
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(5);

    private readonly SingleFlight<UserTokenResult> _singleFlight = new();

    /// <param name="sessionId">The session to refresh.</param>
    /// <param name="read">Reads the session's tokens from the store (not a cached copy: a peer may have refreshed).</param>
    /// <param name="needsRefresh">Whether these tokens still need the refresh (false once a peer has done it).</param>
    /// <param name="refresh">The refresh itself, under the lease; its flag says whether this caller waited for the lease first.</param>
    public Task<UserTokenResult> RunAsync(string sessionId, Func<Task<TokenSet?>> read, Func<TokenSet, bool> needsRefresh, Func<TokenSet, bool, Task<UserTokenResult>> refresh) =>
        // Shared by every concurrent caller, so it must not die with the first caller's request.
        _singleFlight.RunAsync(sessionId, () => UnderLeaseAsync(sessionId, read, needsRefresh, refresh));

    private async Task<UserTokenResult> UnderLeaseAsync(string sessionId, Func<Task<TokenSet?>> read, Func<TokenSet, bool> needsRefresh, Func<TokenSet, bool, Task<UserTokenResult>> refresh)
    {
        var leaseDuration = options.Value.BackchannelTimeout + LeaseMargin;
        var started = timeProvider.GetTimestamp();
        var waited = false;
        while (true)
        {
            // Another caller (here or on another instance) may have refreshed while this one waited.
            var tokens = await read();
            if (tokens is null || !needsRefresh(tokens))
            {
                await WaitedAsync(sessionId, waited, started, peerRefreshed: tokens is not null);
                return tokens is null ? UserTokenResult.SessionMissing : UserTokenResult.Ok(tokens);
            }

            await using (var lease = await refreshLease.TryAcquireAsync(sessionId, leaseDuration, CancellationToken.None))
            {
                if (lease is not null)
                {
                    // Read once more under the lease: a peer may have finished between the read and the lease.
                    tokens = await read();
                    var due = tokens is not null && needsRefresh(tokens);
                    await WaitedAsync(sessionId, waited, started, peerRefreshed: tokens is not null && !due);
                    return tokens is null ? UserTokenResult.SessionMissing
                        : due ? await refresh(tokens, waited)
                        : UserTokenResult.Ok(tokens);
                }
            }

            if (timeProvider.GetElapsedTime(started) > leaseDuration)
            {
                await WaitedAsync(sessionId, waited, started, peerRefreshed: false);
                return tokens.ExpiresAt > timeProvider.GetUtcNow() ? UserTokenResult.Ok(tokens) : UserTokenResult.TemporarilyUnavailable;
            }

            waited = true;
            // Wall-clock pacing between looks; the deadline above is measured on the injected clock.
            await Task.Delay(PeerPollInterval, CancellationToken.None);
        }
    }

    private Task WaitedAsync(string sessionId, bool waited, long started, bool peerRefreshed) =>
        !waited || !events.IsActive ? Task.CompletedTask : events.RaiseAsync(new RefreshLeaseWaitedContext
        {
            At = events.Now,
            SessionKey = SessionClaims.Key(sessionId),
            Waited = timeProvider.GetElapsedTime(started),
            PeerRefreshed = peerRefreshed,
        }, (s, c) => s.RefreshLeaseWaited(c));
}
