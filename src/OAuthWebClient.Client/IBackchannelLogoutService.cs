namespace OAuthWebClient.Client;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0 as one call an app maps to its route (<see cref="OAuthProvider.BackchannelLogoutPath"/>):
/// the provider POSTs a <c>logout_token</c> there when the person signs out at the provider, and every session it names ends
/// — on every instance that shares the token store, since a session whose tokens are gone is signed out at its next request.
/// The result is typed; the app answers 200 on success and 400 on failure (§2.8).
/// </summary>
public interface IBackchannelLogoutService
{
    /// <summary>
    /// Validates the logout token like an ID token of <paramref name="provider"/> (signature with its keys, <c>iss</c>,
    /// <c>aud</c>, <c>exp</c>) and as §2.6 asks (<c>iat</c> recent, <c>jti</c> single use, the logout <c>events</c> member,
    /// no <c>nonce</c>, <c>sid</c> and/or <c>sub</c>), then forgets the sessions it names (§2.7). Never throws for a bad
    /// token; throws <see cref="StoreUnavailableException"/> when the shared store does not answer.
    /// </summary>
    /// <param name="provider">The provider's name, the last segment of its path; null at the bare path (the single provider).</param>
    /// <param name="logoutToken">The <c>logout_token</c> form parameter as received; null when it is missing.</param>
    Task<BackchannelLogoutResult> HandleAsync(string? provider, string? logoutToken, CancellationToken cancellationToken = default);
}
