using Microsoft.Extensions.Configuration;

namespace OAuthWebClient.Benchmarks.Hosts;

/// <summary>The harness's own servers, each run as a child process of the driver.</summary>
internal static class ServerRoles
{
    public static async Task<int> RunAsync(string role, string[] args)
    {
        var configuration = new ConfigurationBuilder().AddCommandLine(args).Build();
        switch (role)
        {
            case "sandbox":
                await SandboxHost.RunAsync(configuration);
                return 0;
            case "bare":
                await BareHost.RunAsync(configuration);
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown server role '{role}': expected sandbox or bare.");
                return 2;
        }
    }

    /// <summary>A web app that reads only what the driver passes, listens on one loopback URL and logs warnings only.</summary>
    public static WebApplicationBuilder Configure(WebApplicationBuilder builder, string url, IEnumerable<KeyValuePair<string, string?>> settings)
    {
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("OpenIddict", LogLevel.Error);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Error);
        builder.Logging.AddConsole();
        return builder;
    }
}
