using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// A self-signed certificate for <c>localhost</c> made for this run (P-256, SAN DNS:localhost, server authentication),
/// written as PEM files for nginx; the tests trust exactly this certificate and nothing else.
/// </summary>
public sealed class TestCertificate : IDisposable
{
    private TestCertificate(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        Certificate = certificate;
        CertificatePath = certificatePath;
        KeyPath = keyPath;
    }

    public X509Certificate2 Certificate { get; }

    public string CertificatePath { get; }

    public string KeyPath { get; }

    /// <summary>base64(SHA-256(SubjectPublicKeyInfo)), what Chromium's <c>--ignore-certificate-errors-spki-list</c> takes.</summary>
    public string SpkiHash => Convert.ToBase64String(SHA256.HashData(Certificate.PublicKey.ExportSubjectPublicKeyInfo()));

    public static TestCertificate Create(string folder)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        var now = DateTimeOffset.UtcNow;
        var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        var certificatePath = Path.Combine(folder, "localhost.crt");
        var keyPath = Path.Combine(folder, "localhost.key");
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem());
        return new TestCertificate(certificate, certificatePath, keyPath);
    }

    /// <summary>An HTTPS handler that trusts this certificate only, with its own cookie jar and no redirects followed.</summary>
    public HttpClientHandler TrustingHandler(System.Net.CookieContainer? cookies = null) => new()
    {
        AllowAutoRedirect = false,
        CookieContainer = cookies ?? new System.Net.CookieContainer(),
        UseCookies = true,
        ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.RawData.AsSpan().SequenceEqual(Certificate.RawData),
    };

    /// <summary>An HTTPS handler that trusts this certificate only, with cookies off (the caller keeps them) and no redirects followed.</summary>
    public SocketsHttpHandler CookielessHandler() => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        SslOptions = { RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetRawCertData().AsSpan().SequenceEqual(Certificate.RawData) },
    };

    public void Dispose() => Certificate.Dispose();
}
