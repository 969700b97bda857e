namespace OAuthWebClient.Client;

/// <summary>
/// The signed-in session's tokens, kept server-side: the access token (refreshed shortly before it expires, RFC 6749 §6,
/// one refresh at a time per session across every instance), a forced refresh, and revocation (RFC 7009).
/// </summary>
public interface IUserTokenService
{
    /// <summary>The session's access token, refreshed first when it expires within <see cref="OAuthClientOptions.RefreshBeforeExpiry"/>.</summary>
    Task<UserTokenResult> GetAccessTokenAsync(HttpContext context, CancellationToken cancellationToken = default);

    /// <summary>
    /// Refreshes now. With <paramref name="rejectedAccessToken"/> (a token a resource server just refused), only if the
    /// session still holds that token: concurrent callers that saw the same refusal share one refresh.
    /// </summary>
    Task<UserTokenResult> RefreshAsync(HttpContext context, string? rejectedAccessToken = null, CancellationToken cancellationToken = default);

    /// <summary>Revokes the refresh and access token where the server supports it, then forgets them. Never throws for the server's sake.</summary>
    Task RevokeAsync(HttpContext context, CancellationToken cancellationToken = default);
}
