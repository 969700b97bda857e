using OAuthWebClient.Client.Events;

namespace OAuthWebClient.Client.Tokens;

/// <summary>The outcome of a token endpoint call: a <see cref="TokenResponse"/>, or why there is none.</summary>
internal sealed record TokenEndpointResult
{
    public TokenResponse? Response { get; private init; }

    /// <summary>The answer of a pushed authorization request, instead of <see cref="Response"/>.</summary>
    public PushedRequest? Pushed { get; private init; }

    public TokenRequestFailure? Failure { get; private init; }

    /// <summary>The OAuth error code for <see cref="TokenRequestFailure.Rejected"/>; a short reason otherwise. Never contains a token.</summary>
    public string? Error { get; private init; }

    public string? ErrorDescription { get; private init; }

    /// <summary>The answer carried a new <c>DPoP-Nonce</c> (RFC 9449 §8): a <c>use_dpop_nonce</c> refusal may be retried once.</summary>
    public bool NonceChanged { get; init; }

    public bool Succeeded => Response is not null || Pushed is not null;

    public static TokenEndpointResult Success(TokenResponse response) => new() { Response = response };

    public static TokenEndpointResult Success(PushedRequest pushed) => new() { Pushed = pushed };

    public static TokenEndpointResult Rejected(string error, string? description) =>
        new() { Failure = TokenRequestFailure.Rejected, Error = error, ErrorDescription = description };

    public static TokenEndpointResult Malformed(string reason) => new() { Failure = TokenRequestFailure.Malformed, Error = reason };

    public static TokenEndpointResult Unreachable(string reason) => new() { Failure = TokenRequestFailure.Unreachable, Error = reason };
}
