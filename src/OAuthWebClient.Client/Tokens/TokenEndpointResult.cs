using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Tokens;

/// <summary>The outcome of a token endpoint call: a <see cref="TokenResponse"/>, or why there is none.</summary>
internal sealed record TokenEndpointResult
{
    public TokenResponse? Response { get; private init; }

    public TokenRequestFailure? Failure { get; private init; }

    /// <summary>The OAuth error code for <see cref="TokenRequestFailure.Rejected"/>; a short reason otherwise. Never contains a token.</summary>
    public string? Error { get; private init; }

    public string? ErrorDescription { get; private init; }

    public bool Succeeded => Response is not null;

    public static TokenEndpointResult Success(TokenResponse response) => new() { Response = response };

    public static TokenEndpointResult Rejected(string error, string? description) =>
        new() { Failure = TokenRequestFailure.Rejected, Error = error, ErrorDescription = description };

    public static TokenEndpointResult Malformed(string reason) => new() { Failure = TokenRequestFailure.Malformed, Error = reason };

    public static TokenEndpointResult Unreachable(string reason) => new() { Failure = TokenRequestFailure.Unreachable, Error = reason };
}
