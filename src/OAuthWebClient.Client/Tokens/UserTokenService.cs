using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Providers;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.Tokens;

/// <summary>
/// The signed-in user's tokens: the request's view of the session (<see cref="SessionTokens"/>), refreshed through
/// <see cref="RefreshCoordinator"/> when due, revoked by <see cref="TokenRevoker"/>.
/// </summary>
internal sealed class UserTokenService(
    SessionTokens sessionTokens,
    RefreshCoordinator coordinator,
    ProviderServices providers,
    TokenRevoker revoker,
    TimeProvider timeProvider,
    IOptions<OAuthClientOptions> options) : IUserTokenService
{
    public async Task<UserTokenResult> GetAccessTokenAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionTokens.SessionId(context) is not { } sessionId || await sessionTokens.GetAsync(context, sessionId, cancellationToken) is not { } tokens)
        {
            return UserTokenResult.SessionMissing;
        }

        return IsDue(tokens) ? await RefreshAsync(context, sessionId, IsDue) : UserTokenResult.Ok(tokens);
    }

    public Task<UserTokenResult> RefreshAsync(HttpContext context, string? rejectedAccessToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (SessionTokens.SessionId(context) is not { } sessionId)
        {
            return Task.FromResult(UserTokenResult.SessionMissing);
        }

        // Forced, or only while the session still holds the token a resource server refused (a peer may have replaced it).
        Func<TokenSet, bool> needed = rejectedAccessToken is null ? _ => true : tokens => tokens.AccessToken == rejectedAccessToken || IsDue(tokens);
        return RefreshAsync(context, sessionId, rejectedAccessToken is null ? OnceOnly(needed) : needed);
    }

    public Task RevokeAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return SessionTokens.SessionId(context) is { } sessionId ? revoker.RevokeAsync(context, sessionId, cancellationToken) : Task.CompletedTask;
    }

    private async Task<UserTokenResult> RefreshAsync(HttpContext context, string sessionId, Func<TokenSet, bool> needed)
    {
        var result = await coordinator.RunAsync(
            sessionId,
            () => sessionTokens.ReadFreshAsync(null, sessionId, CancellationToken.None),
            needed,
            (tokens, leaseWaited) => providers.Canonical(tokens.Provider) is { } provider
                ? providers.Get<TokenRefresher>(provider).RefreshAsync(context, sessionId, tokens, leaseWaited)
                : Task.FromResult(UserTokenResult.ReauthenticationRequired)); // its provider is no longer configured
        if (result.Stored is not null || result.Failure is UserTokenFailure.SessionMissing or UserTokenFailure.ReauthenticationRequired)
        {
            SessionTokens.Remember(context, sessionId, result.Stored);
        }

        return result;
    }

    private bool IsDue(TokenSet tokens) => tokens.ExpiresAt - timeProvider.GetUtcNow() <= options.Value.RefreshBeforeExpiry;

    /// <summary>A forced refresh is wanted for the tokens seen first; once a peer has replaced them, they are fresh enough.</summary>
    private static Func<TokenSet, bool> OnceOnly(Func<TokenSet, bool> needed)
    {
        string? first = null;
        return tokens => (first ??= tokens.AccessToken) == tokens.AccessToken && needed(tokens);
    }
}
