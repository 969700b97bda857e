namespace OAuthWebClient.Client;

/// <summary>
/// Thrown by the user access token handler (<c>AddUserAccessTokenHandler</c>) when a call cannot carry a token, or the
/// resource server refused the one it carried; <see cref="Failure"/> says why. Carries no token.
/// </summary>
public sealed class UserAccessTokenException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public UserAccessTokenException()
        : this(UserTokenFailure.SessionMissing)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public UserAccessTokenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public UserAccessTokenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="failure"/>.</summary>
    public UserAccessTokenException(UserTokenFailure failure)
        : base($"The API cannot be called with the user's access token: {failure}.") => Failure = failure;

    /// <summary>Why the call failed.</summary>
    public UserTokenFailure Failure { get; }

    /// <summary>For <see cref="UserTokenFailure.InsufficientScope"/>: the scope the resource server asked for, if it said (RFC 6750 §3).</summary>
    public string? RequiredScope { get; init; }
}
