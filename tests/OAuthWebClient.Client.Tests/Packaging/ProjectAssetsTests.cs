namespace OAuthWebClient.Client.Tests.Packaging;

/// <summary>
/// The assets file read by the package rules is the full, transitive graph (so those rules cannot pass on an empty or
/// direct-only list), and a project that was never restored is reported as such rather than passing.
/// </summary>
public sealed class ProjectAssetsTests
{
    [Theory]
    [InlineData("src/OAuthWebClient.Client", "Microsoft.IdentityModel.Protocols.OpenIdConnect", "package")]
    [InlineData("src/OAuthWebClient.Client", "Microsoft.IdentityModel.Tokens", "package")]
    [InlineData("src/OAuthWebClient.Client.Redis", "Pipelines.Sockets.Unofficial", "package")]
    [InlineData("src/OAuthWebClient.Client.Redis", "OAuthWebClient.Client", "project")]
    [InlineData("src/OAuthWebClient.Client.Redis", "Microsoft.IdentityModel.JsonWebTokens", "package")]
    public void Assets_list_direct_and_transitive_dependencies(string projectFolder, string name, string type)
    {
        var assets = ProjectAssets.Read(projectFolder);

        Assert.Contains(assets.Libraries, l => l.Name == name && l.Type == type);
    }

    [Fact]
    public void An_unrestored_project_is_reported_with_how_to_restore_it()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ProjectAssets.Read("tests/OAuthWebClient.Client.Tests/PublicApi"));

        Assert.Contains("has not been restored", error.Message, StringComparison.Ordinal);
        Assert.Contains("dotnet restore", error.Message, StringComparison.Ordinal);
    }
}
