using System.Xml.Linq;

namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>The library's C# sources (both packages), read from the repository, and the global usings of their projects.</summary>
internal static class LibrarySources
{
    public static readonly string[] ProjectFolders = ["src/OAuthWebClient.Client", "src/OAuthWebClient.Client.Redis"];

    private static readonly Lazy<IReadOnlyList<SourceFile>> Files = new(Load);

    private static readonly Lazy<NamespaceGraph> Graph = new(() => NamespaceGraph.Build(Files.Value, ProjectUsings));

    public static IReadOnlyList<SourceFile> All => Files.Value;

    public static NamespaceGraph NamespaceGraph => Graph.Value;

    /// <summary>The <c>&lt;Using Include="..."/&gt;</c> items of a project: namespaces in scope in each of its files.</summary>
    public static IReadOnlyList<string> ProjectUsings(string projectFolder)
    {
        var folder = RepoRoot.Combine(projectFolder);
        var project = Directory.GetFiles(folder, "*.csproj").Single();
        return XDocument.Load(project).Descendants("Using")
            .Where(u => u.Attribute("Static")?.Value != "true" && u.Attribute("Alias") is null)
            .Select(u => u.Attribute("Include")?.Value)
            .OfType<string>()
            .ToList();
    }

    private static IReadOnlyList<SourceFile> Load()
    {
        var files = new List<SourceFile>();
        foreach (var projectFolder in ProjectFolders)
        {
            var folder = RepoRoot.Combine(projectFolder);
            if (!Directory.Exists(folder))
            {
                throw new InvalidOperationException($"{folder} is missing: the dependency tests read the library's sources there.");
            }

            foreach (var path in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                var relative = Path.GetRelativePath(RepoRoot.Path, path).Replace('\\', '/');
                if (relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal))
                {
                    continue;
                }

                files.Add(SourceFile.Parse(relative, projectFolder, File.ReadAllText(path)));
            }
        }

        return files;
    }
}
