namespace OAuthWebClient.Client.Tests;

/// <summary>The checkout these tests run from: the nearest folder above the test binaries that holds OAuthWebClient.sln.</summary>
internal static class RepoRoot
{
    private const string SolutionFile = "OAuthWebClient.sln";

    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>A path under the repository root, given with forward slashes.</summary>
    public static string Combine(string relativePath) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, relativePath.Replace('/', System.IO.Path.DirectorySeparatorChar)));

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, SolutionFile)))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}: these tests read the repository's sources and must run from a checkout.");
    }
}
