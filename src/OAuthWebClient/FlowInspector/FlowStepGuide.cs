namespace OAuthWebClient.FlowInspector;

/// <summary>What a step of the timeline is: its anchor, title, the README diagram's arrows, the files that do it, the specs it implements.</summary>
public sealed record FlowStepGuide(
    string Id,
    int Number,
    string Title,
    string Summary,
    string DiagramArrows,
    IReadOnlyList<string> Files,
    IReadOnlyList<FlowReference> Specifications);
