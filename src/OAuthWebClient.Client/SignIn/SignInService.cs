using OAuthWebClient.Client.Callback;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Logout;
using OAuthWebClient.Client.Providers;
using OAuthWebClient.Client.Session;

namespace OAuthWebClient.Client.SignIn;

/// <summary>
/// The flow's three steps behind one service: Login (start), Callback (complete), Logout (sign out). It picks the
/// provider — named in the request, the one whose redirect URI the response came back to, or the session's.
/// </summary>
internal sealed class SignInService(ProviderRegistry providers, SessionTokens sessionTokens, IServiceProvider services, SignOutHandler signOut) : ISignInService
{
    public async Task<SignInStartResult> StartAsync(HttpContext context, SignInStartRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        request ??= new SignInStartRequest();

        // None named: the only provider, or the one the current session signed in with (a step-up for more scope).
        var provider = providers.ForSignIn(request.Provider) ?? (request.Provider is null ? await SessionProviderAsync(context, cancellationToken) : null);
        return provider is not null
            ? await services.GetRequiredKeyedService<SignInStarter>(provider.Name).StartAsync(context, request, cancellationToken)
            : SignInStartResult.Failed(UnknownProvider(request.Provider is null
                ? "Several providers are configured and the sign-in names none."
                : "No provider by that name is configured."));
    }

    public Task<SignInResult> CompleteAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return providers.ForCallback(context.Request.Path) is { } provider
            ? services.GetRequiredKeyedService<CallbackHandler>(provider.Name).CompleteAsync(context, cancellationToken)
            : Task.FromResult(SignInResult.Failed(UnknownProvider("No provider has this redirect URI.")));
    }

    public Task<SignOutResult> SignOutAsync(HttpContext context, bool endServerSession = true, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return signOut.SignOutAsync(context, endServerSession, cancellationToken);
    }

    public bool ConfirmSignedOut(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return signOut.ConfirmSignedOut(context);
    }

    private async Task<OAuthProvider?> SessionProviderAsync(HttpContext context, CancellationToken cancellationToken) =>
        SessionTokens.SessionId(context) is { } sessionId && (await sessionTokens.GetAsync(context, sessionId, cancellationToken))?.Provider is { } name
            ? providers.Find(name)
            : null;

    private static SignInFailure UnknownProvider(string message) => new() { Reason = SignInFailureReason.UnknownProvider, Message = message };
}
