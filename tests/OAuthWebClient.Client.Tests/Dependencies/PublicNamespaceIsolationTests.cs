namespace OAuthWebClient.Client.Tests.Dependencies;

/// <summary>
/// The public namespaces, OAuthWebClient.Client and OAuthWebClient.Client.Events, use none of the internal ones: the
/// surface an app programs against does not lean on the machinery behind it. Events may use Protocol (secret values are
/// fingerprinted with its RandomValue).
/// </summary>
public sealed class PublicNamespaceIsolationTests
{
    private const string Root = "OAuthWebClient.Client";

    private static readonly string[] Public = [Root, $"{Root}.Events"];

    private static readonly string[] Internal =
        ["Protocol", "Metadata", "Login", "Callback", "Tokens", "Session", "Logout", "SignIn", "Api"];

    private static readonly HashSet<(string From, string To)> Allowed = [($"{Root}.Events", $"{Root}.Protocol")];

    [Fact]
    public void Public_namespaces_do_not_depend_on_internal_namespaces()
    {
        var graph = LibrarySources.NamespaceGraph;
        var internals = Internal.Select(n => $"{Root}.{n}").ToHashSet(StringComparer.Ordinal);

        var violations = Public
            .SelectMany(from => graph.DependenciesOf(from).Where(internals.Contains).Select(to => (From: from, To: to)))
            .Where(edge => !Allowed.Contains(edge))
            .Select(edge => "  " + graph.Describe(edge.From, edge.To))
            .ToList();

        Assert.True(violations.Count == 0, "Public namespaces that use internal ones:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Every_internal_namespace_named_here_exists()
    {
        // A renamed or removed namespace would otherwise drop out of the rule above unnoticed.
        var missing = Public.Concat(Internal.Select(n => $"{Root}.{n}")).Except(LibrarySources.NamespaceGraph.Namespaces);

        Assert.Empty(missing);
    }
}
