namespace OAuthWebClient.Tokens;

/// <summary>The outcome of a token endpoint call: a <see cref="TokenResponse"/>, or why there is none.</summary>
public sealed record TokenEndpointResult
{
    public TokenResponse? Response { get; private init; }

    public TokenFailureKind? Failure { get; private init; }

    /// <summary>The OAuth error code for <see cref="TokenFailureKind.Rejected"/>; a short reason otherwise. Never contains a token.</summary>
    public string? Error { get; private init; }

    public string? ErrorDescription { get; private init; }

    public bool Succeeded => Response is not null;

    public static TokenEndpointResult Success(TokenResponse response) => new() { Response = response };

    public static TokenEndpointResult Rejected(string error, string? description) =>
        new() { Failure = TokenFailureKind.Rejected, Error = error, ErrorDescription = description };

    public static TokenEndpointResult Malformed(string reason) => new() { Failure = TokenFailureKind.Malformed, Error = reason };

    public static TokenEndpointResult Unreachable(string reason) => new() { Failure = TokenFailureKind.Unreachable, Error = reason };
}
