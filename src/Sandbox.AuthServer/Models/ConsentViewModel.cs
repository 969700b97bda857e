namespace Sandbox.AuthServer.Models;

/// <summary>The consent page shown by <c>GET /connect/authorize</c>.</summary>
/// <param name="ClientName">The client's display name.</param>
/// <param name="UserName">The signed-in user's name.</param>
/// <param name="Scopes">The requested scopes with plain descriptions.</param>
/// <param name="Parameters">The authorization request, re-posted to <c>/connect/authorize</c> as hidden fields.</param>
public sealed record ConsentViewModel(
    string ClientName,
    string UserName,
    IReadOnlyList<ScopeDescription> Scopes,
    IReadOnlyList<KeyValuePair<string, string>> Parameters);
