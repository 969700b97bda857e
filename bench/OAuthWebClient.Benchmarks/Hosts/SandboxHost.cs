using Microsoft.Extensions.Configuration;
using Sandbox.AuthServer;
using Sandbox.PhotosApi;

namespace OAuthWebClient.Benchmarks.Hosts;

/// <summary>
/// One process with the real sandbox (the OpenIddict authorization server and the photos API, as the client embeds
/// them) plus the fast benchmark token server. Settings from the driver: <c>Bench:AuthServerUrl</c>,
/// <c>Bench:PhotosApiUrl</c>, <c>Bench:FastServerUrl</c>, and the sandbox's own <c>AuthServer:*</c> keys (clients).
/// </summary>
internal static class SandboxHost
{
    public static async Task RunAsync(IConfiguration configuration)
    {
        var authServerUrl = Required(configuration, "Bench:AuthServerUrl");
        var photosApiUrl = Required(configuration, "Bench:PhotosApiUrl");
        var fastServerUrl = Required(configuration, "Bench:FastServerUrl");
        var issuer = authServerUrl + "/";

        var authServerSettings = configuration.AsEnumerable()
            .Where(pair => pair.Key.StartsWith("AuthServer:", StringComparison.Ordinal) && pair.Value is not null)
            .Append(KeyValuePair.Create("AuthServer:Issuer", (string?)issuer))
            .ToList();
        await using var authServer = AuthServerApp.Build([], builder =>
        {
            ServerRoles.Configure(builder, authServerUrl, authServerSettings);
            builder.Services.AddSingleton<IStartupFilter, TokenRequestCounter>();
        });
        await using var photosApi = PhotosApiApp.Build([], builder => ServerRoles.Configure(builder, photosApiUrl, new Dictionary<string, string?>
        {
            ["PhotosApi:Authority"] = issuer,
        }));
        await using var fastServer = FastAuthorizationServer.Build(fastServerUrl);

        await authServer.StartAsync();
        await photosApi.StartAsync();
        // Runs until the driver stops this process (SIGTERM / SIGINT), then stops the others.
        await fastServer.RunAsync();
        await photosApi.StopAsync();
        await authServer.StopAsync();
    }

    private static string Required(IConfiguration configuration, string key) =>
        configuration[key]?.TrimEnd('/') ?? throw new InvalidOperationException($"{key} is required.");
}
