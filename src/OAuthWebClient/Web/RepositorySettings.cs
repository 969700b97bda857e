using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace OAuthWebClient.Web;

/// <summary>
/// The client's settings file is <c>appsettings.json</c> at the repository root — the one file a user edits.
/// When the app runs from its project folder (<c>dotnet run --project src/OAuthWebClient</c>, tests) that file
/// is found by walking up to the solution; a published app has its copy beside it. Environment variables and
/// the command line still override it, as usual.
/// </summary>
public static class RepositorySettings
{
    public static IHostApplicationBuilder AddRepositorySettings(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var contentRoot = builder.Environment.ContentRootPath;
        if (File.Exists(Path.Combine(contentRoot, "appsettings.json")) || FindRepositoryRoot(contentRoot) is not { } root)
        {
            return builder;
        }

        var sources = builder.Configuration.Sources;
        var index = sources.ToList().FindIndex(s => s is JsonConfigurationSource { Path: "appsettings.json" });
        var settings = new JsonConfigurationSource
        {
            FileProvider = new PhysicalFileProvider(root),
            Path = "appsettings.json",
            Optional = false,
            ReloadOnChange = false,
        };
        sources.Insert(index < 0 ? 0 : index + 1, settings);
        return builder;
    }

    private static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")) && File.Exists(Path.Combine(dir.FullName, "appsettings.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
