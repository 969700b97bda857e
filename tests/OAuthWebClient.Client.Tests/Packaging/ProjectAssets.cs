using System.Text.Json;

namespace OAuthWebClient.Client.Tests.Packaging;

/// <summary>One entry of a restore's dependency graph: a package or a referenced project.</summary>
internal sealed record AssetsLibrary(string Name, string Version, string Type)
{
    public bool IsProject => Type == "project";

    public override string ToString() => $"{Name}/{Version} ({Type})";
}

/// <summary>
/// What NuGet restored for a project: <c>obj/project.assets.json</c>, whose <c>targets</c> list every package and
/// project the project depends on for each framework, transitive ones included.
/// </summary>
internal sealed record ProjectAssets(string ProjectFolder, string Framework, IReadOnlyList<AssetsLibrary> Libraries)
{
    public const string Framework10 = "net10.0";

    public static string PathOf(string projectFolder) => RepoRoot.Combine($"{projectFolder}/obj/project.assets.json");

    public static ProjectAssets Read(string projectFolder, string framework = Framework10)
    {
        var path = PathOf(projectFolder);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException(
                $"{path} is missing: {projectFolder} has not been restored, so its package graph cannot be checked. " +
                "Run `dotnet restore OAuthWebClient.sln` (dotnet test restores it too) and test again.");
        }

        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("targets", out var targets) || !targets.TryGetProperty(framework, out var target))
        {
            throw new InvalidOperationException($"{path} has no \"targets\".\"{framework}\": restored for another framework?");
        }

        var libraries = target.EnumerateObject().Select(entry =>
        {
            var slash = entry.Name.IndexOf('/', StringComparison.Ordinal);
            var type = entry.Value.TryGetProperty("type", out var t) ? t.GetString() ?? "" : "";
            return new AssetsLibrary(entry.Name[..slash], entry.Name[(slash + 1)..], type);
        }).ToList();
        return new ProjectAssets(projectFolder, framework, libraries);
    }
}
