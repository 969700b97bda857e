using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sandbox.AuthServer.Configuration;

namespace Sandbox.AuthServer.Data;

/// <summary>
/// Owns the SQLite connection string and keeps one connection open for the app's lifetime: a shared-cache
/// in-memory database is deleted when its last connection closes. Each DbContext opens its own connection.
/// </summary>
public sealed class SandboxDatabase : IDisposable
{
    private readonly SqliteConnection keepAlive;

    public SandboxDatabase(IOptions<AuthServerOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // A unique name keeps every app instance (and every test host) on its own clean database.
        ConnectionString = string.IsNullOrWhiteSpace(options.Value.ConnectionString)
            ? $"Data Source=sandbox-{Guid.NewGuid():N};Mode=Memory;Cache=Shared"
            : options.Value.ConnectionString;
        keepAlive = new SqliteConnection(ConnectionString);
        keepAlive.Open();
    }

    /// <summary>The connection string every DbContext uses.</summary>
    public string ConnectionString { get; }

    public void Dispose() => keepAlive.Dispose();
}
