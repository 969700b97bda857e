namespace OAuthWebClient.Client;

/// <summary>
/// DPoP (RFC 9449): tokens bound to a key pair the client holds. Each session gets its own key pair, created at sign-in
/// and kept with the session's tokens in the token store (encrypted with them in Redis), so any instance can prove
/// possession for any session, and a stolen access token is useless without it.
/// </summary>
public sealed class DPoPOptions
{
    /// <summary>Send DPoP proofs to the token endpoint, and DPoP-bound tokens to APIs with a proof. Default: false.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Refuse a token response whose <c>token_type</c> is Bearer (a downgrade). Default: false — a server that does not
    /// support DPoP answers Bearer, and the tokens are then used as Bearer tokens. Implied by <see cref="ClientProfile.Fapi2"/>.
    /// </summary>
    public bool Required { get; set; }

    /// <summary>The proof signing algorithm: ES256 (default), ES384 or PS256.</summary>
    public string Algorithm { get; set; } = "ES256";
}
