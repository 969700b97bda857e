namespace OAuthWebClient.FlowInspector;

/// <summary>The page at <c>/flow</c>: this browser's snapshot (null before any sign-in) and where file links point.</summary>
public sealed record FlowInspectorViewModel(FlowSnapshot? Snapshot, IReadOnlyDictionary<string, string> SourceLinks)
{
    public string SourceLink(string file) => SourceLinks.TryGetValue(file, out var href) ? href : "#";
}
