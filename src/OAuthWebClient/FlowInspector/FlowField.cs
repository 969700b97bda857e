namespace OAuthWebClient.FlowInspector;

/// <summary>One shown parameter, form field or claim: its name, its (possibly redacted) value, and what it is for.</summary>
public sealed record FlowField(string Name, string Value, string? Note = null);
