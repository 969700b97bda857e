using OAuthWebClient.Client.Callback;
using OAuthWebClient.Client.Login;
using OAuthWebClient.Client.Logout;

namespace OAuthWebClient.Client.SignIn;

/// <summary>The flow's three steps behind one service: Login (start), Callback (complete), Logout (sign out).</summary>
internal sealed class SignInService(SignInStarter starter, CallbackHandler callback, SignOutHandler signOut) : ISignInService
{
    public Task<SignInStartResult> StartAsync(HttpContext context, SignInStartRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return starter.StartAsync(context, request ?? new SignInStartRequest(), cancellationToken);
    }

    public Task<SignInResult> CompleteAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        return callback.CompleteAsync(context, cancellationToken);
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
}
