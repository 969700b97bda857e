namespace OAuthWebClient.Client;

/// <summary>
/// The shared store (Redis) did not answer: tokens, used states or refresh leases cannot be read or written right
/// now. The app answers 503 "try again" and keeps the session cookie; a callback fails closed (no code redeemed).
/// The message names the operation, never a key's secret part (keys hold only fingerprints).
/// </summary>
public sealed class StoreUnavailableException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public StoreUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message naming the operation.</summary>
    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the store's own exception.</summary>
    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
