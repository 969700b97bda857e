namespace OAuthWebClient.FlowInspector;

/// <summary>Step 2: the authorization response at the callback (RFC 6749 §4.1.2) and what the client made of it.</summary>
public sealed record CallbackStep
{
    public required DateTimeOffset At { get; init; }

    public required IReadOnlyList<FlowField> Parameters { get; init; }

    /// <summary>Every check the callback ran, in order, as the library's event reported it.</summary>
    public IReadOnlyList<(string Name, FlowCheck Check)> Checks { get; init; } = [];

    /// <summary>What came of it: signed in (and where to), or why not — from the library's events.</summary>
    public required string Outcome { get; init; }

    public required bool SignedIn { get; init; }
}
