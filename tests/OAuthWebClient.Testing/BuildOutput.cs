namespace OAuthWebClient.Testing;

/// <summary>Where a project of this repository was built (the configuration and framework of this test assembly).</summary>
public static class BuildOutput
{
    /// <summary>src/{project}/bin/{Configuration}/{framework}, checked to hold {project}.dll.</summary>
    public static string Directory(string project)
    {
        var output = Path.Combine(SourceDirectory(project), "bin", Configuration, Framework);
        return File.Exists(Path.Combine(output, project + ".dll"))
            ? output
            : throw new InvalidOperationException($"Build the solution first: {output}/{project}.dll is missing.");
    }

    /// <summary>src/{project}: the content root of a project whose settings files are not copied to its build output.</summary>
    public static string SourceDirectory(string project)
    {
        for (var dir = Here; dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OAuthWebClient.sln")))
            {
                return Path.Combine(dir.FullName, "src", project);
            }
        }

        throw new InvalidOperationException("The repository root (OAuthWebClient.sln) was not found above " + Here.FullName);
    }

    private static DirectoryInfo Here => new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    private static string Framework => Here.Name;

    private static string Configuration => Here.Parent!.Name;

    /// <summary>The dotnet host running these tests, or <c>dotnet</c> from the PATH.</summary>
    public static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } path && File.Exists(path) ? path : "dotnet";
}
