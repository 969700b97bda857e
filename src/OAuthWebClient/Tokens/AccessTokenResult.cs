namespace OAuthWebClient.Tokens;

/// <summary>An access token ready to use, or why there is none.</summary>
public sealed record AccessTokenResult
{
    public AccessTokenStatus Status { get; private init; }

    public TokenSet? Tokens { get; private init; }

    public static readonly AccessTokenResult SessionMissing = new() { Status = AccessTokenStatus.SessionMissing };
    public static readonly AccessTokenResult ReauthenticationRequired = new() { Status = AccessTokenStatus.ReauthenticationRequired };
    public static readonly AccessTokenResult TemporarilyUnavailable = new() { Status = AccessTokenStatus.TemporarilyUnavailable };

    public static AccessTokenResult Ok(TokenSet tokens) => new() { Status = AccessTokenStatus.Ok, Tokens = tokens };
}
