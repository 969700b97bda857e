using System.Security.Cryptography;

namespace OAuthWebClient.Testing;

/// <summary>Private keys written to temporary PEM files, as an operator would mount them (deleted on dispose).</summary>
public sealed class TestKeyFiles : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("oauthwebclient-keys-").FullName;

    /// <summary>A new P-256 key as a PKCS#8 PEM file; returns the path and the key.</summary>
    public (string Path, ECDsa Key) EcKey(string name = "client-ec.pem")
    {
        var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return (Write(name, key.ExportPkcs8PrivateKeyPem()), key);
    }

    /// <summary>A new RSA 2048 key as a PKCS#8 PEM file.</summary>
    public (string Path, RSA Key) RsaKey(string name = "client-rsa.pem")
    {
        var key = RSA.Create(2048);
        return (Write(name, key.ExportPkcs8PrivateKeyPem()), key);
    }

    /// <summary>A self-signed RSA certificate and its key in one PEM file (what <c>DataProtection:CertificateFile</c> takes).</summary>
    public string RsaCertificate(string name = "data-protection.pem", string subject = "CN=OAuthWebClient Data Protection")
    {
        using var key = RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
        return Write(name, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
    }

    public string Write(string name, string contents)
    {
        var path = System.IO.Path.Combine(_directory, name);
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
