namespace Sandbox.AuthServer.Models;

/// <summary>A requested scope and what it lets the client do.</summary>
public sealed record ScopeDescription(string Name, string Description);
