namespace OAuthWebClient.Testing.Deployment;

/// <summary>What one soak session saw: its requests' statuses and latencies, 5xx by path, and whether it stayed signed in.</summary>
public sealed record SoakSessionResult(
    int Index,
    string User,
    int Requests,
    IReadOnlyDictionary<int, int> Statuses,
    IReadOnlyList<string> ServerErrors,
    int LostSessions,
    bool SignedInAtEnd,
    IReadOnlyList<TimeSpan> Latencies,
    int Retries);
