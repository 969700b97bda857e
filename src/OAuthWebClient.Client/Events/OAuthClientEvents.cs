namespace OAuthWebClient.Client.Events;

/// <summary>
/// What the client tells its observers (an app, a flow inspector, telemetry): each step with the real message and the
/// real verdict, so nothing has to re-derive the protocol. Subclass it, override what you need, and register it with
/// <c>AddEvents&lt;T&gt;()</c>; several subscribers may be registered. Observers cannot change the flow, and an
/// exception thrown by one is logged and ignored. Values that could be a credential come as <see cref="SecretValue"/>.
/// </summary>
public abstract class OAuthClientEvents
{
    /// <summary>A sign-in started: the authorization request was built and its transaction cookie written.</summary>
    public virtual Task AuthorizationRequestBuilt(AuthorizationRequestContext context) => Task.CompletedTask;

    /// <summary>The callback ran its checks on the authorization response.</summary>
    public virtual Task CallbackReceived(CallbackReceivedContext context) => Task.CompletedTask;

    /// <summary>A request to the token or revocation endpoint is being sent.</summary>
    public virtual Task TokenRequestSent(TokenRequestContext context) => Task.CompletedTask;

    /// <summary>The token or revocation endpoint answered, or could not be reached.</summary>
    public virtual Task TokenResponseReceived(TokenResponseContext context) => Task.CompletedTask;

    /// <summary>An ID token was validated, at sign-in or at refresh.</summary>
    public virtual Task IdTokenValidated(IdTokenValidatedContext context) => Task.CompletedTask;

    /// <summary>A sign-in completed: the session exists.</summary>
    public virtual Task SignedIn(SignedInContext context) => Task.CompletedTask;

    /// <summary>A sign-in failed.</summary>
    public virtual Task SignInFailed(SignInFailedContext context) => Task.CompletedTask;

    /// <summary>A session's tokens were refreshed.</summary>
    public virtual Task TokenRefreshed(TokenRefreshedContext context) => Task.CompletedTask;

    /// <summary>A caller waited for the refresh lease another instance held.</summary>
    public virtual Task RefreshLeaseWaited(RefreshLeaseWaitedContext context) => Task.CompletedTask;

    /// <summary>A refresh brought no new tokens.</summary>
    public virtual Task RefreshFailed(RefreshFailedContext context) => Task.CompletedTask;

    /// <summary>A session's tokens were revoked and forgotten.</summary>
    public virtual Task TokensRevoked(TokensRevokedContext context) => Task.CompletedTask;

    /// <summary>A session was signed out.</summary>
    public virtual Task SignedOut(SignedOutContext context) => Task.CompletedTask;

    /// <summary>A provider's back-channel logout request was handled: valid (its sessions ended) or refused.</summary>
    public virtual Task BackchannelLogoutReceived(BackchannelLogoutContext context) => Task.CompletedTask;

    /// <summary>A call with the user's access token reached a resource server, or failed to.</summary>
    public virtual Task ApiCallCompleted(ApiCallContext context) => Task.CompletedTask;
}
