namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>
/// The library's namespaces (OAuthWebClient.Client.*, and Microsoft.Extensions.DependencyInjection for its extensions)
/// form no cycle: each can be understood, and moved, after the ones it uses.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void Library_namespaces_depend_on_each_other_without_cycles()
    {
        var graph = LibrarySources.NamespaceGraph;

        var cycles = graph.Cycles();

        Assert.True(
            cycles.Count == 0,
            "Namespace dependency cycles (each line: an edge, then the files and names that make it):\n" +
            string.Join("\n", cycles.Select(c => $"  {{{string.Join(", ", c)}}}\n{graph.DescribeWithin(c)}")));
    }
}
