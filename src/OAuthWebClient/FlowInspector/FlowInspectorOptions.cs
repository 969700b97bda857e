namespace OAuthWebClient.FlowInspector;

/// <summary>The flow inspector at <c>/flow</c> (section <c>FlowInspector</c>): a teaching view of this browser's sign-in.</summary>
public sealed class FlowInspectorOptions
{
    public const string SectionName = "FlowInspector";

    /// <summary>
    /// Turns the inspector on or off. Default: on in the Development environment, off otherwise — when off,
    /// nothing is recorded and <c>/flow</c> is 404.
    /// </summary>
    public bool? Enabled { get; set; }

    /// <summary>
    /// Where the "performed by" links point, e.g. <c>https://github.com/you/OAuthWebClient/blob/main</c>; the
    /// project path (<c>src/OAuthWebClient/…</c>) is appended. Default: empty — the inspector shows the file itself
    /// from the app's content root.
    /// </summary>
    public Uri? SourceBaseUrl { get; set; }

    /// <summary>How many browsers' timelines are kept in memory (least recently active dropped first). Default: 1,000.</summary>
    public int MaxBrowsers { get; set; } = 1000;

    /// <summary>How many refreshes and API calls are kept per browser (oldest dropped first). Default: 50.</summary>
    public int MaxEvents { get; set; } = 50;

    internal bool IsEnabled => Enabled == true;
}
