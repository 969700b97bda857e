using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using PublicApiGenerator;

namespace OAuthWebClient.Client.Tests.PublicApi;

/// <summary>
/// The public API of each package is pinned: adding, removing or changing a public member changes the generated text,
/// and the test fails until the approved snapshot is updated on purpose.
/// </summary>
public sealed class PublicApiSnapshotTests
{
    [Fact]
    public void Client_public_api_matches_the_approved_snapshot() =>
        ApprovedSnapshot.Verify("OAuthWebClient.Client", Generate(typeof(OAuthClientOptions).Assembly));

    [Fact]
    public void Redis_public_api_matches_the_approved_snapshot() =>
        ApprovedSnapshot.Verify("OAuthWebClient.Client.Redis", Generate(typeof(RedisClientBuilderExtensions).Assembly));

    [Fact]
    public void Snapshot_includes_the_dependency_injection_extensions()
    {
        // Types in Microsoft.* namespaces are left out by default; the AddOAuthClient() entry point must not be.
        var api = Generate(typeof(OAuthClientOptions).Assembly);

        Assert.Contains("namespace Microsoft.Extensions.DependencyInjection", api, StringComparison.Ordinal);
        Assert.Contains("AddOAuthClient(", api, StringComparison.Ordinal);
    }

    internal static string Generate(Assembly assembly) => assembly.GeneratePublicApi(new ApiGeneratorOptions
    {
        // Microsoft.* types are left out by default; ours in Microsoft.Extensions.DependencyInjection (there for
        // discoverability) are API, extension classes or not.
        AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"],
        UseDenyNamespacePrefixesForExtensionMethods = false,
        // Build facts, not API: they change with the SDK or with who may see internals.
        ExcludeAttributes =
        [
            "System.Runtime.Versioning.TargetFrameworkAttribute",
            "System.Runtime.CompilerServices.InternalsVisibleToAttribute",
            "System.Reflection.AssemblyMetadataAttribute",
        ],
    });
}
