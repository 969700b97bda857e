namespace Sandbox.DPoP;

/// <summary>Why a DPoP proof was refused.</summary>
public enum DPoPProofFailure
{
    /// <summary>Not refused.</summary>
    None,

    /// <summary>The proof is missing, malformed, wrongly signed or does not match the request (RFC 9449 §4.3): <c>invalid_dpop_proof</c>.</summary>
    InvalidProof,

    /// <summary>The proof lacks the server's current nonce (RFC 9449 §8, §9): <c>use_dpop_nonce</c>, with a <c>DPoP-Nonce</c> header.</summary>
    NonceRequired,
}
