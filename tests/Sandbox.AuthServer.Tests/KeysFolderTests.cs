using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Sandbox.AuthServer.Tests.Infrastructure;

namespace Sandbox.AuthServer.Tests;

/// <summary>
/// AuthServer:KeysFolder: the signing and encryption keys written there on first start and read back on the next, so a
/// restarted sandbox keeps the tokens it issued valid; an unusable file fails the start with a sentence naming it.
/// </summary>
public sealed class KeysFolderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sandbox-keys-").FullName;

    [Fact]
    public async Task Keys_are_written_on_first_start_private_to_the_owner_and_the_same_after_a_restart()
    {
        var first = await SigningKeyAsync();
        var second = await SigningKeyAsync();

        Assert.Equal(first, second);
        Assert.True(File.Exists(Path.Combine(_folder, "signing-PS256.pem")));
        Assert.True(File.Exists(Path.Combine(_folder, "encryption.pem")));
        if (!OperatingSystem.IsWindows())
        {
            foreach (var file in Directory.GetFiles(_folder))
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }
    }

    [Theory]
    [InlineData("PS256", "signing-PS256.pem", "not a key", "is not a PEM private key for PS256")]
    [InlineData("PS256", "encryption.pem", "not a key", "is not a PEM private key for RSA-OAEP encryption")]
    [InlineData("PS256", "signing-PS256.pem", "public RSA", "is not a PEM private key for PS256")]
    [InlineData("ES256", "signing-ES256.pem", "P-384", "ES256 needs P-256")]
    [InlineData("ES256", "signing-ES256.pem", "RSA", "is not a PEM private key for ES256")]
    public void An_unusable_key_file_fails_the_start_naming_it(string algorithm, string file, string contents, string expected)
    {
        File.WriteAllText(Path.Combine(_folder, file), contents switch
        {
            "public RSA" => RSA.Create(2048).ExportSubjectPublicKeyInfoPem(),
            "P-384" => ECDsa.Create(ECCurve.NamedCurves.nistP384).ExportPkcs8PrivateKeyPem(),
            "RSA" => RSA.Create(2048).ExportPkcs8PrivateKeyPem(),
            _ => contents,
        });
        using var factory = Factory(algorithm);

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains($"AuthServer:KeysFolder: {Path.Combine(_folder, file)} ", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_that_cannot_be_written_fails_the_start()
    {
        var blocked = Path.Combine(_folder, "a-file");
        File.WriteAllText(blocked, "");
        using var factory = new AuthServerFactory().WithWebHostBuilder(builder => builder.UseSetting("AuthServer:KeysFolder", Path.Combine(blocked, "keys")));

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("signing-PS256.pem is missing and cannot be written there", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<AuthServerApp> Factory(string algorithm = "PS256") =>
        new AuthServerFactory().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("AuthServer:KeysFolder", _folder);
            builder.UseSetting("AuthServer:SigningAlgorithm", algorithm);
        });

    /// <summary>The signing key the sandbox publishes (its JWKS's modulus) in a fresh host on the folder.</summary>
    private async Task<string> SigningKeyAsync()
    {
        using var factory = Factory();
        using var client = factory.CreateClient(new() { BaseAddress = new Uri(AuthServerFactory.Issuer) });
        var jwks = await CodeFlow.ReadJsonAsync(await client.GetAsync(new Uri("/.well-known/jwks", UriKind.Relative)), HttpStatusCode.OK);
        return jwks.GetProperty("keys")[0].GetProperty("n").GetString()!;
    }
}
