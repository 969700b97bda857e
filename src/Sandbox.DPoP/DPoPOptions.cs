namespace Sandbox.DPoP;

/// <summary>
/// How DPoP proofs (RFC 9449) are checked. Bound from <c>AuthServer:DPoP</c> in the authorization server and from
/// <c>PhotosApi:DPoP</c> in the photos API; each app has its own nonces and replay cache.
/// </summary>
public sealed class DPoPOptions
{
    /// <summary>
    /// How far a proof's <c>iat</c> may be from the server's clock, either way (RFC 9449 §4.3 step 11, §11.1); a
    /// proof's <c>jti</c> is remembered for twice this long. Default 60 seconds.
    /// </summary>
    public TimeSpan ProofLifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Whether every proof must carry a nonce this server issued (RFC 9449 §8 at the token endpoint, §9 at a resource
    /// server). A proof without the current nonce is answered with <c>use_dpop_nonce</c> and a <c>DPoP-Nonce</c> header.
    /// Default false.
    /// </summary>
    public bool RequireNonce { get; set; }

    /// <summary>
    /// How long an issued nonce stays current; the one before it is still accepted for as long again, so a client that
    /// has just been given a nonce is not refused when it rotates. Default 5 minutes.
    /// </summary>
    public TimeSpan NonceLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How many proof identifiers (<c>jti</c>) the in-memory replay cache holds (<see cref="JtiReplayCache"/>). When it is full of unexpired entries,
    /// new proofs are refused rather than replays let through. Default 100,000.
    /// </summary>
    public int MaxReplayEntries { get; set; } = 100_000;

    /// <summary>Every problem with these settings, each prefixed with <paramref name="prefix"/> (e.g. <c>AuthServer:DPoP:</c>).</summary>
    public IEnumerable<string> Validate(string prefix)
    {
        if (ProofLifetime <= TimeSpan.Zero || ProofLifetime > TimeSpan.FromMinutes(10))
        {
            yield return $"{prefix}ProofLifetime must be positive and at most 10 minutes (got {ProofLifetime}).";
        }

        if (NonceLifetime <= TimeSpan.Zero)
        {
            yield return $"{prefix}NonceLifetime must be positive (got {NonceLifetime}).";
        }

        if (MaxReplayEntries < 1)
        {
            yield return $"{prefix}MaxReplayEntries must be at least 1 (got {MaxReplayEntries}).";
        }
    }
}
