namespace OAuthWebClient.FlowInspector;

/// <summary>One of the flow's source files, shown by the inspector; <see cref="Text"/> is null when not deployed with the app.</summary>
public sealed record SourceFileViewModel(string Path, string? Text);
