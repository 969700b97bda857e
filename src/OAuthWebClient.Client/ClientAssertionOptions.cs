namespace OAuthWebClient.Client;

/// <summary>
/// <c>private_key_jwt</c> (RFC 7523 §2.2, OIDC Core §9): the keys that sign the client's assertions, and their audience.
/// One key is set directly (<see cref="KeyFile"/> or <see cref="Jwk"/>); for rotation, list two or more in <see cref="Keys"/>.
/// </summary>
public sealed class ClientAssertionOptions
{
    /// <summary>A PEM (PKCS#8 private key) or PFX file with the signing key.</summary>
    public string? KeyFile { get; set; }

    /// <summary>The PFX file's password, if any.</summary>
    public string? KeyPassword { get; set; }

    /// <summary>The signing key as a private JWK, instead of <see cref="KeyFile"/>.</summary>
    public string? Jwk { get; set; }

    /// <summary>The signing algorithm. Default: PS256 for RSA, ES256 for P-256.</summary>
    public string? Algorithm { get; set; }

    /// <summary>More keys, for rotation: the newest active one signs (<see cref="ClientAssertionKey.ActiveFrom"/>), all are published.</summary>
    public IList<ClientAssertionKey> Keys { get; } = [];

    /// <summary>The assertion's <c>aud</c>. Default: <see cref="ClientAssertionAudience.Issuer"/>.</summary>
    public ClientAssertionAudience Audience { get; set; } = ClientAssertionAudience.Issuer;

    /// <summary>How long an assertion is valid (its <c>exp</c>). Default: 60 seconds, the most FAPI 2.0 allows.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Every configured key: the direct one first, then <see cref="Keys"/>.</summary>
    internal IEnumerable<ClientAssertionKey> AllKeys
    {
        get
        {
            var direct = new ClientAssertionKey { KeyFile = KeyFile, KeyPassword = KeyPassword, Jwk = Jwk, Algorithm = Algorithm };
            return direct.IsSet ? Keys.Prepend(direct) : Keys;
        }
    }
}
