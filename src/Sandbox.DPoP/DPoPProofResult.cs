namespace Sandbox.DPoP;

/// <summary>The outcome of checking a DPoP proof: the key's thumbprint, or why it was refused.</summary>
public sealed record DPoPProofResult
{
    public bool IsValid => Failure == DPoPProofFailure.None;

    /// <summary>Why the proof was refused; <see cref="DPoPProofFailure.None"/> when valid.</summary>
    public DPoPProofFailure Failure { get; private init; }

    /// <summary>The OAuth error code: <c>invalid_dpop_proof</c> or <c>use_dpop_nonce</c> (RFC 9449 §12.2); null when valid.</summary>
    public string? Error => Failure switch
    {
        DPoPProofFailure.InvalidProof => DPoPConstants.InvalidDPoPProof,
        DPoPProofFailure.NonceRequired => DPoPConstants.UseDPoPNonce,
        _ => null,
    };

    /// <summary>A human-readable reason, safe to return to the caller (it never contains the proof).</summary>
    public string? Description { get; private init; }

    /// <summary>The RFC 7638 SHA-256 thumbprint (base64url) of the proof's key: the <c>jkt</c> (RFC 9449 §6.1). Null when refused.</summary>
    public string? Thumbprint { get; private init; }

    /// <summary>Whether the proof's nonce is an older one still accepted, so the server should send its current nonce (§8.2).</summary>
    public bool NonceIsStale { get; private init; }

    public static DPoPProofResult Valid(string thumbprint, bool nonceIsStale) =>
        new() { Thumbprint = thumbprint, NonceIsStale = nonceIsStale };

    public static DPoPProofResult Invalid(string description) =>
        new() { Failure = DPoPProofFailure.InvalidProof, Description = description };

    public static DPoPProofResult NonceRequired(string description) =>
        new() { Failure = DPoPProofFailure.NonceRequired, Description = description };
}
