using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Redis;
using OAuthWebClient.Sandbox;
using OAuthWebClient.Web;

namespace OAuthWebClient.Health;

/// <summary>
/// What an operator gets wrong, in plain words: keys that do not survive a restart, plain http in production, a server
/// that does not advertise S256, a clock that is off, the sandbox or its committed secret where they do not belong.
/// Warnings only — they never stop the app (a configuration that cannot work is refused by options validation). Logged
/// at start-up and shown on <c>/health</c>; nothing secret in them.
/// </summary>
public sealed class SelfCheck(
    IConfiguration configuration,
    IHostEnvironment environment,
    IOptions<OAuthClientOptions> oauth,
    IOptions<KeyManagementOptions> keys,
    IOptions<TrustedProxyOptions> proxies,
    IAuthorizationServerStatus serverStatus)
{
    /// <summary>The committed client secret of the sandbox registration (appsettings.json).</summary>
    internal const string SandboxClientSecret = "sandbox-client-secret";

    /// <summary>A clock this far from the server's makes valid ID tokens look expired or not yet valid.</summary>
    internal static readonly TimeSpan MaxClockOffset = TimeSpan.FromSeconds(60);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> _writable = new(StringComparer.Ordinal);

    /// <summary>Findings from the configuration alone, known at start.</summary>
    public IReadOnlyList<SelfCheckFinding> OfConfiguration()
    {
        var findings = new List<SelfCheckFinding>();
        var options = oauth.Value;
        var sandbox = EmbeddedSandboxOptions.IsEnabled(configuration, environment);
        var repository = keys.Value.XmlRepository;
        if (repository is null)
        {
            findings.Add(new("data-protection", "Data Protection keys are not persisted: a restart makes every session cookie and sign-in in progress unreadable."));
        }
        else if (RedisOptions.IsConfigured(configuration) && repository is not RedisXmlRepository)
        {
            findings.Add(new("data-protection", "Redis is on, but the Data Protection keys are not kept there: other instances cannot read this one's cookies."));
        }
        else if (repository is FileSystemXmlRepository folder && !_writable.GetOrAdd(folder.Directory.FullName, IsWritable))
        {
            findings.Add(new("data-protection", $"The Data Protection key folder ({folder.Directory.FullName}) cannot be written: keys are not persisted. Set DataProtection:KeysFolder to a writable, persistent folder."));
        }
        else if (repository is FileSystemXmlRepository && InContainer && string.IsNullOrWhiteSpace(configuration["DataProtection:KeysFolder"]))
        {
            // The official .NET images set DOTNET_RUNNING_IN_CONTAINER; the default folder is inside the container's own disk.
            findings.Add(new("data-protection", "The app runs in a container with the default Data Protection key folder, which is lost when the container is replaced: mount a volume and set DataProtection:KeysFolder to it, or use Redis."));
        }

        if (repository is not null && keys.Value.XmlEncryptor is null && !environment.IsDevelopment())
        {
            findings.Add(new("keys-at-rest", "The Data Protection keys are stored unencrypted (in the folder or in Redis): whoever reads them can read and forge session cookies. Set DataProtection:CertificateFile to an RSA certificate with its private key."));
        }

        if (!environment.IsDevelopment() && !CookieSecurity.ServedOverHttps(configuration, options) && !proxies.Value.Any)
        {
            findings.Add(new("https", "The app is served over plain http outside Development: session cookies are not Secure. Serve https, or set OAuth:PublicOrigin to the https origin behind a TLS proxy."));
        }

        if (sandbox && !environment.IsDevelopment())
        {
            findings.Add(new("sandbox", "The embedded sandbox (demo users, a committed client secret) runs outside Development because Sandbox:Enabled=true."));
        }

        if (!sandbox && string.Equals(options.ClientSecret, SandboxClientSecret, StringComparison.Ordinal))
        {
            findings.Add(new("client-secret", "OAuth:ClientSecret is the sandbox's committed secret, but the authority is not the sandbox: set the secret from your registration (an environment variable or a secret store).", LogOnly: true));
        }

        return findings;
    }

    private bool InContainer => string.Equals(configuration["DOTNET_RUNNING_IN_CONTAINER"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether a file can be created in the folder (probed once per folder).</summary>
    private static bool IsWritable(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, ".write-probe-" + Guid.NewGuid().ToString("N"));
            File.WriteAllText(probe, "");
            File.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Findings about the authorization server, from its loaded metadata and the last Date header seen.</summary>
    public IReadOnlyList<SelfCheckFinding> OfServer(AuthorizationServerDescription server)
    {
        ArgumentNullException.ThrowIfNull(server);
        var findings = new List<SelfCheckFinding>();
        if (!server.CodeChallengeMethodsSupported.Contains("S256", StringComparer.Ordinal))
        {
            findings.Add(new("pkce", "The authorization server does not advertise S256 in code_challenge_methods_supported; S256 is sent anyway (RFC 9700 §2.1.1). Check that it enforces PKCE."));
        }

        if (serverStatus.ClockOffset is { } offset && offset.Duration() > MaxClockOffset)
        {
            findings.Add(new("clock", $"This machine's clock is {offset.Duration().TotalSeconds:0} s {(offset > TimeSpan.Zero ? "behind" : "ahead of")} the authorization server's: ID tokens may be refused as expired or not yet valid. Synchronise the clock (NTP)."));
        }

        return findings;
    }
}
