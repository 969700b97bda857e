using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using OAuthWebClient.Testing;
using OAuthWebClient.Web;

namespace OAuthWebClient.UnitTests.Web;

/// <summary>What <c>DataProtection:CertificateFile</c> accepts, and the problem it names for what it cannot use.</summary>
public sealed class DataProtectionCertificateLoading : IDisposable
{
    private readonly TestKeyFiles _files = new();

    [Fact]
    public void Nothing_configured_is_no_certificate_and_no_problem()
    {
        var loaded = DataProtectionCertificate.Load(null, null);

        Assert.Null(loaded.Certificate);
        Assert.Null(loaded.Problem);
    }

    [Fact]
    public void A_pem_with_certificate_and_key_and_a_password_protected_pfx_are_accepted()
    {
        using var rsa = RSA.Create(2048);
        using var self = new CertificateRequest("CN=keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.ChangeExtension(_files.Write("keys.tmp", ""), ".pfx");
        File.WriteAllBytes(pfx, self.Export(X509ContentType.Pfx, "pfx-password"));

        Assert.True(DataProtectionCertificate.Load(_files.RsaCertificate(), null).Certificate?.HasPrivateKey);
        Assert.True(DataProtectionCertificate.Load(pfx, "pfx-password").Certificate?.HasPrivateKey);
        Assert.Contains("not a PFX", DataProtectionCertificate.Load(pfx, "wrong").Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Unusable_files_are_named_without_their_contents()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var ecCertificate = new CertificateRequest("CN=ec", ec, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddYears(1));
        var ecFile = _files.Write("ec.pem", ecCertificate.ExportCertificatePem() + "\n" + ec.ExportPkcs8PrivateKeyPem());
        var garbage = _files.Write("garbage.pem", "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWtleS1tYXRlcmlhbA==\n-----END PRIVATE KEY-----\n");

        Assert.Contains("does not exist", DataProtectionCertificate.Load("/nonexistent/keys.pem", null).Problem, StringComparison.Ordinal);
        Assert.Contains("needs an RSA one", DataProtectionCertificate.Load(ecFile, null).Problem, StringComparison.Ordinal);
        var problem = DataProtectionCertificate.Load(garbage, null).Problem;
        Assert.StartsWith("DataProtection:CertificateFile: " + garbage, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", problem, StringComparison.Ordinal);
    }

    public void Dispose() => _files.Dispose();
}
