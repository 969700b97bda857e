namespace OAuthWebClient.FlowInspector;

/// <summary>A link shown with a step: a source file or a specification section.</summary>
public sealed record FlowReference(string Text, string Href);
