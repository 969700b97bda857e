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

    public string Write(string name, string contents)
    {
        var path = System.IO.Path.Combine(_directory, name);
        File.WriteAllText(path, contents);
        return path;
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
