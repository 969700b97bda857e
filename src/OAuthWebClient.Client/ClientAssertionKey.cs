namespace OAuthWebClient.Client;

/// <summary>One key that signs client assertions: from a PEM or PFX file, or a JWK with its private part.</summary>
public sealed class ClientAssertionKey
{
    /// <summary>A PEM file (PKCS#8, RSA or EC private key) or a PFX/PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) holding the private key.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The PFX file's password, if any. Keep it in a secret store, never in appsettings.json.</summary>
    public string? KeyPassword { get; set; }

    /// <summary>The private key as a JWK (RFC 7517), e.g. from a secret store. Instead of <see cref="KeyFile"/>.</summary>
    public string? Jwk { get; set; }

    /// <summary>The signing algorithm. Default: PS256 for an RSA key, ES256 for a P-256 key (ES384/ES512 for P-384/P-521).</summary>
    public string? Algorithm { get; set; }

    /// <summary>The <c>kid</c>. Default: the JWK's own <c>kid</c>, else its RFC 7638 thumbprint.</summary>
    public string? KeyId { get; set; }

    /// <summary>
    /// From when the key signs. Default: always. Of the keys active now, the one with the latest start signs; all are
    /// published at the JWKS URL — so a new key can be published (and fetched by the server) before it signs.
    /// </summary>
    public DateTimeOffset? ActiveFrom { get; set; }

    internal bool IsSet => !string.IsNullOrWhiteSpace(KeyFile) || !string.IsNullOrWhiteSpace(Jwk);
}
