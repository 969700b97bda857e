using System.Runtime.CompilerServices;

namespace OAuthWebClient.Testing;

/// <summary>
/// Settings for the whole test process, applied as soon as this assembly loads (before any host is built). Dozens
/// of in-memory hosts start and stop in one run, several at a time; each would open inotify watchers for its
/// configuration files and web root, and the per-user inotify limit (often 128) is soon exhausted. The hosts poll
/// instead, and never reload configuration from disk.
/// </summary>
internal static class TestProcessSettings
{
#pragma warning disable CA2255 // A module initializer is exactly right here: it must run before the first host, whichever test builds it.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Apply()
    {
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        Environment.SetEnvironmentVariable("DOTNET_hostBuilder__reloadConfigOnChange", "false");
    }
}
