using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OAuthWebClient.Web;

/// <summary>
/// The certificate of <c>DataProtection:CertificateFile</c>, loaded once while services are registered (Data Protection
/// takes it there), or the problem that stops the start — named by setting and path, never with key material.
/// </summary>
public sealed class DataProtectionCertificate
{
    private DataProtectionCertificate(X509Certificate2? certificate, string? problem) => (Certificate, Problem) = (certificate, problem);

    /// <summary>The certificate, with its private key; null when none is configured or it could not be used.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Why the configured file cannot protect the key ring; null when it can, or when none is configured.</summary>
    public string? Problem { get; }

    public static DataProtectionCertificate Load(string? file, string? password)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return new(null, null);
        }

        const string Setting = "DataProtection:CertificateFile";
        if (!File.Exists(file))
        {
            return new(null, $"{Setting}: {file} does not exist (or cannot be read).");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = Path.GetExtension(file).ToLowerInvariant() is ".pfx" or ".p12"
                ? X509CertificateLoader.LoadPkcs12FromFile(file, password, X509KeyStorageFlags.EphemeralKeySet)
                : password is null ? X509Certificate2.CreateFromPemFile(file) : X509Certificate2.CreateFromEncryptedPemFile(file, password);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The type only: a parser's message could quote the file.
            return new(null, $"{Setting}: {file} is not a PFX (with DataProtection:CertificatePassword) or a PEM file holding a certificate and its private key ({e.GetType().Name}).");
        }

        // XML encryption wraps each key's secret with RSA (EncryptedXml key transport): an EC certificate cannot.
        using var rsa = certificate.GetRSAPrivateKey();
        if (rsa is null)
        {
            var problem = certificate.HasPrivateKey
                ? $"{Setting}: {file} holds a {certificate.PublicKey.Oid.FriendlyName} certificate; encrypting the key ring needs an RSA one."
                : $"{Setting}: {file} holds no private key; without it the key ring cannot be read back.";
            certificate.Dispose();
            return new(null, problem);
        }

        return new(certificate, null);
    }
}
