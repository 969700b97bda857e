namespace OAuthWebClient.Client.Login;

internal enum TransactionStatus
{
    Valid,

    /// <summary>No cookie for this state: another browser, cookies blocked, or already used.</summary>
    Missing,

    /// <summary>The cookie does not decrypt: tampered with, or from keys this app no longer has.</summary>
    Unreadable,

    /// <summary>The cookie's state is not the state in the response.</summary>
    StateMismatch,

    /// <summary>Older than <c>OAuth:TransactionLifetime</c>.</summary>
    Expired,
}
