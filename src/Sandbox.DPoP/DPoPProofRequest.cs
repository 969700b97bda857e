using Microsoft.Extensions.Primitives;

namespace Sandbox.DPoP;

/// <summary>What a DPoP proof is checked against: the HTTP request it came with (RFC 9449 §4.3).</summary>
public sealed record DPoPProofRequest
{
    /// <summary>Every <c>DPoP</c> header value of the request; exactly one is allowed (§4.3 step 1).</summary>
    public required StringValues Proof { get; init; }

    /// <summary>The request's HTTP method, compared with <c>htm</c> (§4.3 step 8).</summary>
    public required string Method { get; init; }

    /// <summary>The URL the request was sent to, compared with <c>htu</c> without query or fragment (§4.3 step 9).</summary>
    public required Uri Url { get; init; }

    /// <summary>The access token presented with the proof, whose hash <c>ath</c> must carry (§4.2, §4.3 step 12). Null at the token endpoint.</summary>
    public string? AccessToken { get; init; }
}
