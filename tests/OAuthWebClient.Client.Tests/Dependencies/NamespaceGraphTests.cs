namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>
/// The graph the cycle and isolation rules read is the real one: it finds dependencies the sources are known to have
/// (so an empty graph cannot pass those rules vacuously) and not the ones that only comments name.
/// </summary>
public sealed class NamespaceGraphTests
{
    private const string Root = "OAuthWebClient.Client";
    private const string DependencyInjection = "Microsoft.Extensions.DependencyInjection";

    [Theory]
    [InlineData(DependencyInjection, $"{Root}.Tokens")]
    [InlineData(DependencyInjection, Root)]
    [InlineData($"{Root}.Login", $"{Root}.Protocol")]
    [InlineData($"{Root}.Callback", $"{Root}.Login")]
    [InlineData($"{Root}.Tokens", $"{Root}.Assertions")]
    [InlineData($"{Root}.Tokens", $"{Root}.ProofOfPossession")]
    public void The_graph_has_the_dependencies_the_usings_declare(string from, string to) =>
        Assert.True(LibrarySources.NamespaceGraph.DependsOn(from, to), $"no edge {from} → {to}");

    [Theory]
    [InlineData($"{Root}.Tokens", Root)]
    [InlineData($"{Root}.Redis", Root)]
    public void A_child_namespace_depends_on_its_parent_without_a_using(string from, string to) =>
        Assert.True(LibrarySources.NamespaceGraph.DependsOn(from, to), $"no edge {from} → {to}");

    [Fact]
    public void Names_in_doc_comments_are_not_dependencies()
    {
        // OAuthClientBuilder's summary names "AddRedis from OAuthWebClient.Client.Redis"; the code never uses it.
        Assert.False(LibrarySources.NamespaceGraph.DependsOn(Root, $"{Root}.Redis"));
    }

    [Fact]
    public void The_graph_covers_every_namespace_of_the_library()
    {
        var namespaces = LibrarySources.NamespaceGraph.Namespaces;

        Assert.Contains(DependencyInjection, namespaces);
        Assert.All(namespaces, n => Assert.True(n == DependencyInjection || n == Root || n.StartsWith(Root + ".", StringComparison.Ordinal), n));
        Assert.True(namespaces.Count >= 12, string.Join(", ", namespaces));
    }
}
