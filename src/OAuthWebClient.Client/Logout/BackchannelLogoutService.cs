using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.Protocol;
using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.Client.Logout;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 at the RP: the provider at the path, the logout token validated
/// (<see cref="LogoutTokenValidator"/>), its <c>jti</c> used once (§2.6 step 9, with the shared replay cache), then the
/// sessions it names forgotten in the shared token store (§2.7) — so each is signed out at its next request, on any instance.
/// No HTTP here: the app reads the form and picks the status code, and a bench can call it in-process.
/// </summary>
internal sealed class BackchannelLogoutService(
    ProviderRegistry providers,
    IServiceProvider services,
    ITokenStore store,
    IStateReplayCache replayCache,
    EventDispatcher events,
    ILogger<BackchannelLogoutService> logger) : IBackchannelLogoutService
{
    public async Task<BackchannelLogoutResult> HandleAsync(string? provider, string? logoutToken, CancellationToken cancellationToken = default)
    {
        var found = providers.ForBackchannelLogout(provider);
        if (found is null)
        {
            return await FinishAsync(null, null, Refuse(BackchannelLogoutFailure.UnknownProvider, "No provider is configured at this back-channel logout path."));
        }

        if (string.IsNullOrEmpty(logoutToken))
        {
            return await FinishAsync(found.Name, null, Refuse(BackchannelLogoutFailure.MissingToken, "The request has no logout_token parameter (Back-Channel Logout 1.0 §2.5)."));
        }

        var check = await services.GetRequiredKeyedService<LogoutTokenValidator>(found.Name).ValidateAsync(logoutToken, cancellationToken);
        if (check.Token is not { } token)
        {
            return await FinishAsync(found.Name, null, check.Refusal!);
        }

        // Checked last, so that only a token valid in every other way is remembered.
        var fingerprint = RandomValue.Fingerprint("backchannel-logout\n" + token.Issuer + "\n" + token.TokenId, 43);
        if (!await replayCache.TryConsumeAsync(fingerprint, token.AcceptedUntil, cancellationToken))
        {
            return await FinishAsync(found.Name, token, Refuse(BackchannelLogoutFailure.Replayed, "This logout token was used already (its jti, Back-Channel Logout 1.0 §2.6)."));
        }

        var ended = await store.RemoveByProviderSessionAsync(token.Issuer, token.SessionId, token.Subject, cancellationToken);
        return await FinishAsync(found.Name, token, BackchannelLogoutResult.Ended(ended));
    }

    private static BackchannelLogoutResult Refuse(BackchannelLogoutFailure failure, string description) => BackchannelLogoutResult.Failed(failure, description);

    private async Task<BackchannelLogoutResult> FinishAsync(string? provider, LogoutToken? token, BackchannelLogoutResult result)
    {
        if (result.Failure is { } failure)
        {
            // The name only when configured: an unknown one comes from the request's path.
            Log.BackchannelLogoutRefused(logger, provider ?? "(none at this path)", failure, result.Description!);
        }
        else
        {
            Log.BackchannelLogoutSessionsEnded(logger, provider!, result.SessionsEnded, token!.SessionId is not null);
        }

        if (events.IsActive)
        {
            await events.RaiseAsync(new BackchannelLogoutContext
            {
                At = events.Now,
                Provider = provider,
                Succeeded = result.Succeeded,
                Failure = result.Failure,
                Description = result.Description,
                Issuer = token?.Issuer,
                Subject = token?.Subject,
                NamesProviderSession = token?.SessionId is not null,
                SessionsEnded = result.SessionsEnded,
            }, (s, c) => s.BackchannelLogoutReceived(c));
        }

        return result;
    }
}
