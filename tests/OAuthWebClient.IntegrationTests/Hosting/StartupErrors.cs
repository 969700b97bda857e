using OAuthWebClient.Testing;

namespace OAuthWebClient.IntegrationTests.Hosting;

/// <summary>
/// What an operator sees when the configuration cannot work: a real process that exits with code 1 and a plain
/// list of every problem at once on standard error — never "Unhandled exception" and a stack trace. Binding failures
/// (a value of the wrong kind) are configuration problems too, named by key, with the kind or the allowed values.
/// </summary>
public sealed class StartupErrors
{
    [Fact]
    public async Task Production_without_an_authority_exits_with_the_keys_to_set()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["Sandbox__AuthServerUrl"] = $"http://127.0.0.1:{FreePort.Next()}",
        });

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The app should have refused to start.");
        Assert.Equal(1, app.ExitCode);
        Assert.Contains("OAuth:Authority is not set", app.Errors, StringComparison.Ordinal);
        Assert.Contains("Sandbox:Enabled=true", app.Errors, StringComparison.Ordinal);
        AssertNoStackTrace(app);
    }

    [Fact]
    public async Task Values_of_the_wrong_kind_are_listed_together_by_key_with_what_was_expected()
    {
        await using var app = AppProcess.Start(new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            ["OAuth__Authority"] = "https://login.example/",
            ["PhotosApi__BaseAddress"] = "https://api.example/",
            ["OAuth__ClientAuthentication"] = "Foo",
            ["OAuth__BackchannelTimeout"] = "ten seconds",
            ["OAuth__RequireHttpsMetadata"] = "maybe",
            ["FlowInspector__MaxEvents"] = "many",
            ["OAuth__PublicOrigin"] = "http://[bad",
            ["ForwardedHeaders__KnownProxies__0"] = "proxy.example",
            ["DataProtection__CertificateFile"] = "/nonexistent/data-protection.pfx",
        });

        Assert.True(await app.WaitForExitAsync(TimeSpan.FromSeconds(60)), "The app should have refused to start.");
        Assert.Equal(1, app.ExitCode);
        var errors = app.Errors;
        Assert.Contains("OAuth:ClientAuthentication is \"Foo\", which is not one of: ClientSecretBasic, ClientSecretPost, PrivateKeyJwt.", errors, StringComparison.Ordinal);
        Assert.Contains("OAuth:BackchannelTimeout is \"ten seconds\", which is not a time span", errors, StringComparison.Ordinal);
        Assert.Contains("OAuth:RequireHttpsMetadata is \"maybe\", which is not true or false.", errors, StringComparison.Ordinal);
        Assert.Contains("FlowInspector:MaxEvents is \"many\", which is not a whole number.", errors, StringComparison.Ordinal);
        Assert.Contains("OAuth:PublicOrigin", errors, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders:KnownProxies has \"proxy.example\", which is not an IP address.", errors, StringComparison.Ordinal);
        Assert.Contains("DataProtection:CertificateFile: /nonexistent/data-protection.pfx does not exist", errors, StringComparison.Ordinal);
        AssertNoStackTrace(app);
    }

    private static void AssertNoStackTrace(AppProcess app)
    {
        var all = app.Output + "\n" + app.Errors;
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
        Assert.Contains("cannot start", app.Errors, StringComparison.Ordinal);
    }
}
