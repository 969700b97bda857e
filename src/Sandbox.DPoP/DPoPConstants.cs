namespace Sandbox.DPoP;

/// <summary>Names RFC 9449 defines.</summary>
public static class DPoPConstants
{
    /// <summary>The request header that carries the proof, and the authorization scheme of a DPoP-bound token (§4.1, §7.1).</summary>
    public const string Scheme = "DPoP";

    /// <summary>The response header a server sends its nonce in (§8.1).</summary>
    public const string NonceHeader = "DPoP-Nonce";

    /// <summary>The <c>typ</c> header of a proof (§4.2).</summary>
    public const string ProofType = "dpop+jwt";

    /// <summary>The token_type of a DPoP-bound access token in a token response (§5).</summary>
    public const string TokenType = "DPoP";

    /// <summary>The error for a proof that fails validation (§5, §12.2).</summary>
    public const string InvalidDPoPProof = "invalid_dpop_proof";

    /// <summary>The error telling the client to retry with the server's nonce (§8, §9, §12.2).</summary>
    public const string UseDPoPNonce = "use_dpop_nonce";

    /// <summary>The authorization server metadata listing the proof algorithms it accepts (§5.1).</summary>
    public const string SigningAlgValuesSupported = "dpop_signing_alg_values_supported";

    /// <summary>The confirmation claim and its member holding the key thumbprint (RFC 7800 §3.1, RFC 9449 §6.1).</summary>
    public const string ConfirmationClaim = "cnf";

    public const string ThumbprintMember = "jkt";
}
