namespace OAuthWebClient.Client;

/// <summary>A usable access token, or why there is none.</summary>
public sealed record UserTokenResult
{
    private UserTokenResult()
    {
    }

    /// <summary>The token; null on failure.</summary>
    public UserToken? Token { get; private init; }

    /// <summary>Why there is no token; null on success.</summary>
    public UserTokenFailure? Failure { get; private init; }

    /// <summary>True when <see cref="Token"/> is set.</summary>
    public bool Succeeded => Token is not null;

    internal static readonly UserTokenResult SessionMissing = new() { Failure = UserTokenFailure.SessionMissing };
    internal static readonly UserTokenResult ReauthenticationRequired = new() { Failure = UserTokenFailure.ReauthenticationRequired };
    internal static readonly UserTokenResult TemporarilyUnavailable = new() { Failure = UserTokenFailure.TemporarilyUnavailable };

    /// <summary>The stored tokens behind <see cref="Token"/>, for the client itself.</summary>
    internal TokenSet? Stored { get; private init; }

    internal static UserTokenResult Ok(TokenSet tokens) => new() { Token = UserToken.From(tokens), Stored = tokens };
}
