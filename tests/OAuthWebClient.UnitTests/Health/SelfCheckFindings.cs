using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OAuthWebClient.Health;
using OAuthWebClient.Client.Metadata;
using OAuthWebClient.Client;
using OAuthWebClient.Web;

namespace OAuthWebClient.UnitTests.Health;

/// <summary>The start-up self-check: each mistake an operator makes gives its warning, and a sound configuration none.</summary>
public sealed class SelfCheckFindings
{
    private static readonly string KeysFolder = Directory.CreateTempSubdirectory("owc-selfcheck-").FullName;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);

    [Fact]
    public void A_sound_production_configuration_has_no_findings()
    {
        Assert.Empty(Check().OfConfiguration());
        Assert.Empty(Check().OfServer(Server(s256: true)));
    }

    [Fact]
    public void Keys_that_are_not_persisted_are_reported()
    {
        Assert.Contains(Check(noRepository: true).OfConfiguration(), f => f.Check == "data-protection" && f.Message.Contains("not persisted", StringComparison.Ordinal));
    }

    [Fact]
    public void A_key_folder_that_cannot_be_written_is_reported()
    {
        var file = Path.Combine(KeysFolder, "not-a-folder");
        File.WriteAllText(file, "");
        var unwritable = new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(file, "keys")), NullLoggerFactory.Instance);

        Assert.Contains(Check(repository: unwritable).OfConfiguration(), f => f.Check == "data-protection" && f.Message.Contains("cannot be written", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_not_shared_while_redis_is_on_are_reported()
    {
        var findings = Check(settings: new() { ["ConnectionStrings:Redis"] = "127.0.0.1:6379" }).OfConfiguration();

        Assert.Contains(findings, f => f.Check == "data-protection" && f.Message.Contains("not kept there", StringComparison.Ordinal));
        Assert.DoesNotContain(Check(settings: new() { ["ConnectionStrings:Redis"] = "127.0.0.1:6379" }, repository: new RedisXmlRepository(() => null!, "keys")).OfConfiguration(), f => f.Check == "data-protection");
    }

    [Fact]
    public void The_default_key_folder_inside_a_container_is_reported_but_a_mounted_one_is_not()
    {
        var container = new Dictionary<string, string?> { ["DOTNET_RUNNING_IN_CONTAINER"] = "true" };
        var mounted = new Dictionary<string, string?> { ["DOTNET_RUNNING_IN_CONTAINER"] = "true", ["DataProtection:KeysFolder"] = "/keys" };

        Assert.Contains(Check(settings: container).OfConfiguration(), f => f.Check == "data-protection" && f.Message.Contains("container", StringComparison.Ordinal));
        Assert.DoesNotContain(Check(settings: mounted).OfConfiguration(), f => f.Check == "data-protection");
    }

    [Theory]
    [InlineData("Production", false, true)]
    [InlineData("Production", true, false)]
    [InlineData("Development", false, false)]
    public void Keys_stored_in_clear_outside_development_are_reported(string environment, bool encrypted, bool reported)
    {
        var findings = Check(environment, encryptedKeys: encrypted).OfConfiguration();

        Assert.Equal(reported, findings.Any(f => f.Check == "keys-at-rest" && f.Message.Contains("DataProtection:CertificateFile", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("Production", null, null, true)]
    [InlineData("Production", "https://photos.example", null, false)]
    [InlineData("Production", null, "10.0.0.5", false)]
    [InlineData("Development", null, null, false)]
    public void Plain_http_outside_development_is_reported(string environment, string? publicOrigin, string? proxy, bool reported)
    {
        var check = Check(environment, publicOrigin: publicOrigin, proxy: proxy);

        Assert.Equal(reported, check.OfConfiguration().Any(f => f.Check == "https"));
    }

    [Fact]
    public void The_sandbox_outside_development_is_reported()
    {
        var findings = Check(settings: new() { ["OAuth:Authority"] = "", ["Sandbox:Enabled"] = "true" }).OfConfiguration();

        Assert.Contains(findings, f => f.Check == "sandbox");
        Assert.DoesNotContain(Check("Development", settings: new() { ["OAuth:Authority"] = "" }).OfConfiguration(), f => f.Check == "sandbox");
    }

    [Fact]
    public void The_committed_sandbox_secret_with_a_real_authority_is_reported_without_showing_it()
    {
        var findings = Check(clientSecret: SelfCheck.SandboxClientSecret).OfConfiguration();

        var finding = Assert.Single(findings, f => f.Check == "client-secret");
        Assert.DoesNotContain(SelfCheck.SandboxClientSecret, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_server_that_does_not_advertise_S256_is_reported()
    {
        Assert.Contains(Check().OfServer(Server(s256: false)), f => f.Check == "pkce");
    }

    [Theory]
    [InlineData(-90, true)]
    [InlineData(90, true)]
    [InlineData(30, false)]
    [InlineData(-30, false)]
    public void A_clock_far_from_the_servers_is_reported(int serverAheadBySeconds, bool reported)
    {
        var clock = new ServerClock(_time);
        clock.Observe(_time.GetUtcNow().AddSeconds(serverAheadBySeconds));

        Assert.Equal(reported, Check(clock: clock).OfServer(Server(s256: true)).Any(f => f.Check == "clock"));
    }

    private SelfCheck Check(
        string environment = "Production",
        Dictionary<string, string?>? settings = null,
        string? publicOrigin = "https://photos.example",
        string? proxy = null,
        string? clientSecret = "from-a-secret-store",
        IXmlRepository? repository = null,
        ServerClock? clock = null,
        bool noRepository = false,
        bool encryptedKeys = true)
    {
        var values = new Dictionary<string, string?> { ["OAuth:Authority"] = "https://login.example/" };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var oauth = new OAuthClientOptions
        {
            Authority = string.IsNullOrEmpty(values["OAuth:Authority"]) ? null : new Uri(values["OAuth:Authority"]!),
            ClientSecret = clientSecret,
            PublicOrigin = publicOrigin is null ? null : new Uri(publicOrigin),
        };
        var keys = new KeyManagementOptions
        {
            XmlRepository = noRepository ? null : repository ?? new FileSystemXmlRepository(new DirectoryInfo(KeysFolder), NullLoggerFactory.Instance),
            XmlEncryptor = encryptedKeys ? new NullXmlEncryptor() : null, // any encryptor: what ProtectKeysWithCertificate sets
        };
        return new SelfCheck(
            configuration,
            new HostingEnvironment { EnvironmentName = environment },
            Options.Create(oauth),
            Options.Create(keys),
            Options.Create(new TrustedProxyOptions { KnownProxies = proxy is null ? [] : [proxy] }),
            new ServerStatus(clock ?? new ServerClock(_time)));
    }

    private static AuthorizationServerDescription Server(bool s256) => new()
    {
        Issuer = "https://login.example/",
        CodeChallengeMethodsSupported = [s256 ? "S256" : "plain"],
        IssParameterSupported = true,
        SupportsRevocation = true,
        SupportsEndSession = true,
    };

    /// <summary>What the self-check reads of the server: the clock offset seen in its Date headers.</summary>
    private sealed class ServerStatus(ServerClock clock) : IAuthorizationServerStatus
    {
        public Task<AuthorizationServerDescription> FirstLoaded => new TaskCompletionSource<AuthorizationServerDescription>().Task;

        public TimeSpan? ClockOffset => clock.Offset;

        public Task<AuthorizationServerDescription?> DescribeAsync(CancellationToken cancellationToken = default) => Task.FromResult<AuthorizationServerDescription?>(null);

        public Task<string?> ProbeAsync(CancellationToken cancellationToken = default) => Task.FromResult<string?>(null);
    }
}
