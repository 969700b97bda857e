namespace OAuthWebClient.BrowserTests.Infrastructure;

/// <summary>The folder holding <c>OAuthWebClient.sln</c>, found by walking up from the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("OAuthWebClient.sln not found above " + AppContext.BaseDirectory);
    }
}
