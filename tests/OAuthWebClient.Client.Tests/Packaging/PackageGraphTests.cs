namespace OAuthWebClient.Client.Tests.Packaging;

/// <summary>
/// The packages an app gets with OAuthWebClient.Client (and .Redis) hold the client only: neither directly nor
/// transitively do they bring the sandbox's authorization server (OpenIddict, EF Core), MVC views or Razor, or a
/// Sandbox project. The Microsoft.AspNetCore.App framework reference is fine: the app has it anyway.
/// </summary>
public sealed class PackageGraphTests
{
    public static readonly TheoryData<string> LibraryProjects = new(Dependencies.LibrarySources.ProjectFolders);

    private static readonly string[] ForbiddenPackagePrefixes =
        ["OpenIddict", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Mvc", "Microsoft.AspNetCore.Razor"];

    private const string ForbiddenProjectPrefix = "Sandbox.";

    [Theory]
    [MemberData(nameof(LibraryProjects))]
    public void Library_depends_on_no_server_database_or_view_packages(string projectFolder)
    {
        var assets = ProjectAssets.Read(projectFolder);

        var forbidden = assets.Libraries
            .Where(l => !l.IsProject && ForbiddenPackagePrefixes.Any(p => l.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(forbidden.Count == 0, $"{projectFolder} depends on: {string.Join(", ", forbidden)} (see {ProjectAssets.PathOf(projectFolder)})");
    }

    [Theory]
    [MemberData(nameof(LibraryProjects))]
    public void Library_references_no_sandbox_project(string projectFolder)
    {
        var assets = ProjectAssets.Read(projectFolder);

        var sandboxes = assets.Libraries
            .Where(l => l.IsProject && l.Name.StartsWith(ForbiddenProjectPrefix, StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.True(sandboxes.Count == 0, $"{projectFolder} references: {string.Join(", ", sandboxes)}");
    }
}
