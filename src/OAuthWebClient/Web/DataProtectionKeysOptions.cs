namespace OAuthWebClient.Web;

/// <summary>Where Data Protection keys live, and what encrypts them at rest (section <c>DataProtection</c>).</summary>
public sealed class DataProtectionKeysOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>
    /// Folder for the key ring when Redis is not configured, so a restart keeps sessions and sign-ins in progress
    /// valid. Default: <c>{LocalApplicationData}/OAuthWebClient/DataProtection-Keys</c>. With Redis, keys live there
    /// instead and every instance shares them.
    /// </summary>
    public string? KeysFolder { get; set; }

    /// <summary>
    /// An RSA certificate with its private key — a PFX/PKCS#12 file (<c>.pfx</c>, <c>.p12</c>) or a PEM file holding the
    /// certificate and its key — that encrypts every key of the ring at rest, in the folder or in Redis
    /// (<c>ProtectKeysWithCertificate</c>). Every instance needs the same certificate to read the ring. Default: none —
    /// on Linux the keys are then stored in clear, and the self-check says so outside Development.
    /// </summary>
    public string? CertificateFile { get; set; }

    /// <summary>The PFX password, or the password of an encrypted PEM key. Default: none. A secret: set it from a secret store.</summary>
    public string? CertificatePassword { get; set; }

    internal string EffectiveKeysFolder => string.IsNullOrWhiteSpace(KeysFolder)
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "OAuthWebClient", "DataProtection-Keys")
        : KeysFolder;
}
