using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Sandbox.AuthServer.Configuration;

/// <summary>
/// The signing algorithms <see cref="AuthServerOptions.SigningAlgorithm"/> accepts, and the server's keys: ephemeral, or
/// kept as PEM files in <see cref="AuthServerOptions.KeysFolder"/> so a restart keeps issued tokens valid.
/// </summary>
internal static class SigningKeys
{
    public const string PS256 = SecurityAlgorithms.RsaSsaPssSha256;
    public const string ES256 = SecurityAlgorithms.EcdsaSha256;
    public const string RS256 = SecurityAlgorithms.RsaSha256;

    /// <summary>PS256 and ES256 are what FAPI 2.0 Security Profile §5.4 allows (EdDSA aside); RS256 for older clients.</summary>
    public static readonly IReadOnlyList<string> Supported = [PS256, ES256, RS256];

    /// <summary>
    /// The signing key: RSA 2048 for PS256/RS256, P-256 for ES256 (RFC 7518 §3.3–§3.5); made at startup and kept in memory
    /// without <paramref name="folder"/>, else read from (or first written to) <c>signing-{alg}.pem</c>. OpenIddict derives
    /// the <c>kid</c> when it publishes the JWKS.
    /// </summary>
    public static SigningCredentials Signing(string algorithm, string? folder) => algorithm switch
    {
        ES256 => new SigningCredentials(new ECDsaSecurityKey(Load(folder, "signing-ES256.pem", () => ECDsa.Create(ECCurve.NamedCurves.nistP256), ECDsa.Create)), ES256),
        PS256 or RS256 => new SigningCredentials(new RsaSecurityKey(Load(folder, $"signing-{algorithm}.pem", () => RSA.Create(2048), RSA.Create)), algorithm),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unsupported signing algorithm."),
    };

    /// <summary>
    /// The key that encrypts OpenIddict's tokens (authorization codes, the reference refresh tokens' payloads): RSA-OAEP
    /// with A256CBC-HS512 (RFC 7518 §4.3, §5.2.5), as OpenIddict's ephemeral key; <c>encryption.pem</c> in <paramref name="folder"/>.
    /// </summary>
    public static EncryptingCredentials Encryption(string? folder) =>
        new(new RsaSecurityKey(Load(folder, "encryption.pem", () => RSA.Create(2048), RSA.Create)), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512);

    private static TKey Load<TKey>(string? folder, string fileName, Func<TKey> create, Func<TKey> empty)
        where TKey : AsymmetricAlgorithm
    {
        if (folder is null)
        {
            return create();
        }

        var path = Path.Combine(folder, fileName);
        if (File.Exists(path))
        {
            var key = empty();
            key.ImportFromPem(File.ReadAllText(path));
            return key;
        }

        Directory.CreateDirectory(folder);
        var created = create();
        File.WriteAllText(path, created.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return created;
    }
}
