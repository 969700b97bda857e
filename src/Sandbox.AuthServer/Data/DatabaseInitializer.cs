using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using Sandbox.AuthServer.Configuration;

namespace Sandbox.AuthServer.Data;

/// <summary>
/// Creates the schema and registers the configured clients when the host starts (before the server listens),
/// so it works the same under Kestrel and under TestServer.
/// </summary>
internal sealed class DatabaseInitializer(
    IServiceProvider services,
    IOptions<AuthServerOptions> options,
    ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<AuthServerDbContext>().Database;
        await database.EnsureCreatedAsync(cancellationToken);

        var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var client in options.Value.Clients)
        {
            var descriptor = ClientDescriptorFactory.Create(client);
            var existing = await manager.FindByClientIdAsync(client.ClientId, cancellationToken);
            if (existing is null)
            {
                await manager.CreateAsync(descriptor, cancellationToken);
            }
            else
            {
                // A persistent database (AuthServer:ConnectionString) keeps clients: refresh them from configuration.
                await manager.UpdateAsync(existing, descriptor, cancellationToken);
            }

            Log.ClientRegistered(logger, client.ClientId, client.RedirectUris.Count);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
