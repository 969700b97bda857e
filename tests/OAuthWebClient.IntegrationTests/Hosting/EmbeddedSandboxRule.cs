using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Sandbox;
using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Hosting;

/// <summary>
/// The sandbox (demo users, a committed client secret) starts only in Development or with <c>Sandbox:Enabled=true</c>.
/// Elsewhere an empty authority is a start-up error that says which keys to set — a deployment that lost one
/// environment variable must not serve demo sign-ins. (The same, as an operator sees it from a real process, is in
/// <see cref="StartupErrors"/>.)
/// </summary>
public sealed class EmbeddedSandboxRule
{
    [Theory]
    [InlineData("Production", null)]
    [InlineData("Staging", null)]
    [InlineData("Development", "false")]
    public async Task Without_an_authority_outside_development_the_app_refuses_to_start_and_says_what_to_set(string environment, string? enabled)
    {
        var (authServer, photosApi) = (FreePort.Next(), FreePort.Next());
        await using var app = Client(environment, enabled, authServer, photosApi);

        // Under the test host the entry point reports the problem and stops; the options say why.
        var failure = Record.Exception(() => app.Services.GetRequiredService<IOptions<OAuthClientOptions>>().Value);

        Assert.NotNull(failure);
        var message = Flatten(failure);
        Assert.Contains("OAuth:Authority is not set", message, StringComparison.Ordinal);
        Assert.Contains("Sandbox:Enabled=true", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production", null, false)]
    [InlineData("Production", "true", true)]
    [InlineData("Development", null, true)]
    [InlineData("Development", "false", false)]
    public async Task The_sandbox_host_itself_starts_only_where_it_is_allowed(string environment, string? enabled, bool starts)
    {
        var (authServer, photosApi) = (FreePort.Next(), FreePort.Next());
        var settings = new Dictionary<string, string?> { ["OAuth:Authority"] = "", ["Sandbox:Enabled"] = enabled };
        var sandbox = new EmbeddedSandbox(
            Options.Create(new EmbeddedSandboxOptions { AuthServerUrl = new($"http://127.0.0.1:{authServer}"), PhotosApiUrl = new($"http://127.0.0.1:{photosApi}") }),
            Options.Create(new OAuthClientOptions { ClientId = "rule-test", ClientSecret = "rule-test-secret" }),
            new NoClientKeys(),
            new ConfigurationBuilder().AddInMemoryCollection(settings).Build(),
            new HostingEnvironment { EnvironmentName = environment },
            NullLogger<EmbeddedSandbox>.Instance);
        await using (sandbox)
        {
            await sandbox.StartAsync(CancellationToken.None);

            Assert.Equal(starts, Listens(authServer));
            await sandbox.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task With_sandbox_enabled_explicitly_it_starts_outside_development_too()
    {
        var (authServer, photosApi) = (FreePort.Next(), FreePort.Next());
        await using var app = Client("Production", "true", authServer, photosApi);

        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var login = await http.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal($"http://127.0.0.1:{authServer}/connect/authorize", login.Headers.Location!.GetLeftPart(UriPartial.Path));
    }

    private static WebApplicationFactory<Program> Client(string environment, string? enabled, int authServer, int photosApi) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("OAuth:Authority", "");
            // The origin the test server answers at, so the sandbox registers the redirect URI the client sends
            // (a pushed request, RFC 9126 §2.1, is checked at the push).
            builder.UseSetting("OAuth:PublicOrigin", "http://localhost");
            builder.UseSetting("Sandbox:AuthServerUrl", $"http://127.0.0.1:{authServer}");
            builder.UseSetting("Sandbox:PhotosApiUrl", $"http://127.0.0.1:{photosApi}");
            if (enabled is not null)
            {
                builder.UseSetting("Sandbox:Enabled", enabled);
            }
        });

    private static string Flatten(Exception exception) => exception switch
    {
        AggregateException aggregate => string.Join('\n', aggregate.InnerExceptions.Select(Flatten)),
        _ => exception.Message + (exception.InnerException is { } inner ? "\n" + Flatten(inner) : ""),
    };

    private static bool Listens(int port)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>A client with a secret: no private_key_jwt keys to register.</summary>
    private sealed class NoClientKeys : OAuthWebClient.Client.IClientJwks
    {
        public string Document => """{"keys":[]}""";
    }
}
