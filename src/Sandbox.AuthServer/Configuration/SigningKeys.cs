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

    /// <summary>
    /// What is wrong with <paramref name="folder"/> for <paramref name="algorithm"/>, checked at start so a bad file is a
    /// sentence, not a stack trace: a key file that is not a PEM private key of the right type, or a folder where the
    /// missing key files cannot be written.
    /// </summary>
    public static IEnumerable<string> Problems(string algorithm, string? folder, string setting)
    {
        if (folder is null)
        {
            yield break;
        }

        var signing = $"signing-{algorithm}.pem";
        foreach (var (file, import) in (IEnumerable<(string, Action<string>)>)[(signing, algorithm == ES256 ? ImportP256 : ImportRsa), ("encryption.pem", ImportRsa)])
        {
            var path = Path.Combine(folder, file);
            if (!File.Exists(path))
            {
                if (!CanCreateIn(folder))
                {
                    yield return $"{setting} is '{folder}': {file} is missing and cannot be written there.";
                }

                continue;
            }

            var problem = Try(() => import(File.ReadAllText(path)));
            if (problem is not null)
            {
                yield return $"{setting}: {path} is not a PEM private key for {(file == signing ? algorithm : "RSA-OAEP encryption")} ({problem}).";
            }
        }
    }

    /// <summary>An RSA private key (exporting its private parameters fails for a public key).</summary>
    private static void ImportRsa(string pem)
    {
        using var key = RSA.Create();
        key.ImportFromPem(pem);
        key.ExportParameters(includePrivateParameters: true);
    }

    /// <summary>A P-256 private key, the curve ES256 signs with (RFC 7518 §3.4).</summary>
    private static void ImportP256(string pem)
    {
        using var key = ECDsa.Create();
        key.ImportFromPem(pem);
        var parameters = key.ExportParameters(includePrivateParameters: true);
        if (parameters.Curve.Oid.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            throw new CryptographicException($"the key is on {parameters.Curve.Oid.FriendlyName}, ES256 needs P-256");
        }
    }

    private static bool CanCreateIn(string folder) => Try(() =>
    {
        Directory.CreateDirectory(folder);
        var probe = Path.Combine(folder, $".write-test-{Guid.NewGuid():N}");
        File.WriteAllText(probe, "");
        File.Delete(probe);
    }) is null;

    /// <summary>Null when <paramref name="action"/> succeeds; the reason when a file or its contents are unusable.</summary>
    private static string? Try(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or CryptographicException)
        {
            return e.Message;
        }
    }

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
