namespace OAuthWebClient.Client;

/// <summary>
/// The authorization code flow with PKCE (RFC 6749 §4.1, RFC 7636) as calls an app maps to its own routes: start a
/// sign-in, complete it at the callback, sign out. Results are typed; the app decides what a person sees.
/// </summary>
public interface ISignInService
{
    /// <summary>
    /// Creates the PKCE verifier, state and nonce, writes them to an encrypted transaction cookie on the response, and
    /// returns the authorization request URL to redirect the browser to.
    /// </summary>
    Task<SignInStartResult> StartAsync(HttpContext context, SignInStartRequest? request = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// At <see cref="OAuthClientOptions.CallbackPath"/>: checks the authorization response against this browser's
    /// transaction (state, single use, iss), redeems the code, validates the ID token, stores the tokens under a new
    /// session id and signs the session cookie in. Every check happens before the token endpoint is called.
    /// </summary>
    Task<SignInResult> CompleteAsync(HttpContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Revokes the session's tokens (RFC 7009), forgets them and ends the session cookie. With
    /// <paramref name="endServerSession"/>, returns the RP-initiated logout URL (RP-Initiated Logout 1.0 §2) when the
    /// server has an end_session_endpoint.
    /// </summary>
    Task<SignOutResult> SignOutAsync(HttpContext context, bool endServerSession = true, CancellationToken cancellationToken = default);

    /// <summary>
    /// At <see cref="OAuthClientOptions.SignedOutCallbackPath"/>: true when the <c>state</c> that came back is the one this
    /// browser sent at sign-out (the server confirmed the logout). Uses the state up either way.
    /// </summary>
    bool ConfirmSignedOut(HttpContext context);
}
