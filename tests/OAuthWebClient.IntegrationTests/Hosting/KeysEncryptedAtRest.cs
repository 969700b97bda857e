using System.Net;
using Microsoft.AspNetCore.Hosting;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Hosting;

/// <summary>
/// <c>DataProtection:CertificateFile</c>: the key ring is written encrypted with the certificate (no key in clear on
/// disk), and another instance with the same certificate reads it — a sign-in started on one instance completes on the
/// other, whose transaction cookie only that key opens. An instance without the certificate cannot read the ring.
/// </summary>
public sealed class KeysEncryptedAtRest : IDisposable
{
    private readonly TestKeyFiles _files = new();
    private readonly string _keysFolder = Directory.CreateTempSubdirectory("owc-keys-at-rest-").FullName;

    private Action<IWebHostBuilder> Instance(string? certificate) => builder =>
    {
        builder.UseSetting("DataProtection:KeysFolder", _keysFolder);
        builder.UseSetting("DataProtection:CertificateFile", certificate);
    };

    [Fact]
    public async Task A_key_ring_written_by_one_instance_is_read_by_another_with_the_certificate_and_never_stored_in_clear()
    {
        var certificate = _files.RsaCertificate();
        await using var hosts = new TestHosts(Instance(certificate), clientInstances: 2);
        var browser = hosts.NewBrowser();

        hosts.UseClientInstance(0);
        var consent = await hosts.StartSignInAsync(browser, "alice");
        hosts.UseClientInstance(1);
        var gallery = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");

        Assert.Equal(HttpStatusCode.OK, gallery.Status);
        Assert.Contains("Harbour at dawn", gallery.Html, StringComparison.Ordinal);
        var key = Assert.Single(Directory.GetFiles(_keysFolder, "key-*.xml"));
        var xml = await File.ReadAllTextAsync(key);
        Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal); // the clear form of the key's secret
    }

    [Fact]
    public async Task An_instance_without_the_certificate_cannot_read_the_ring_and_says_so_without_a_500()
    {
        await using var hosts = new TestHosts(clientInstances: 0);
        hosts.AddClientInstance(Instance(_files.RsaCertificate()));
        hosts.AddClientInstance(Instance(certificate: null));
        var browser = hosts.NewBrowser();

        hosts.UseClientInstance(0);
        var consent = await hosts.StartSignInAsync(browser, "alice");
        hosts.UseClientInstance(1);
        var callback = await browser.SubmitAsync(consent, "Allow", button: "decision=allow");

        Assert.Equal(HttpStatusCode.BadRequest, callback.Status);
        Assert.True(await browser.IsSentToSignInAsync(), "the instance without the certificate must hold no session");
    }

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_keysFolder, recursive: true);
    }
}
