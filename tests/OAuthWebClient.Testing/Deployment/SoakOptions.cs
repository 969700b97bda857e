namespace OAuthWebClient.Testing.Deployment;

/// <summary>What the soak does: how many sessions, for how long, against which instances, and what happens midway.</summary>
public sealed record SoakOptions
{
    /// <summary>Concurrent browser sessions, each with its own connections and cookies.</summary>
    public required int Sessions { get; init; }

    /// <summary>How long the sessions browse after signing in (the loop is bounded by it).</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The app's public origin (<c>OAuth:PublicOrigin</c>): the cookies' and redirects' origin.</summary>
    public required Uri PublicOrigin { get; init; }

    /// <summary>The client instances behind it, taken in turn by the driver's own round robin (<see cref="SoakLoadBalancer"/>) when there is no <see cref="Front"/>.</summary>
    public IReadOnlyList<Uri> Instances { get; init; } = [];

    /// <summary>
    /// A real load balancer in front of the instances (e.g. nginx over TLS): each session sends every request through its
    /// own handler from this (cookies off, no redirects followed), and <see cref="Instances"/> is not used.
    /// </summary>
    public Func<HttpMessageHandler>? Front { get; init; }

    /// <summary>The sandbox's demo users (password = user name), taken in turn.</summary>
    public IReadOnlyList<string> Users { get; init; } = ["alice", "bob"];

    /// <summary>The pages each session requests in a loop. Default: the gallery (photos API, so refreshes) and /profile.</summary>
    public IReadOnlyList<string> Pages { get; init; } = ["photos", "profile"];

    /// <summary>Tabs per session browsing at once (sharing its cookies), so a due token is wanted on both instances at once. Default: 2.</summary>
    public int Tabs { get; init; } = 2;

    /// <summary>Pause between a tab's requests. Default: 200 ms.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Whether the sessions sign in all at once (default) or one after another. The standalone sandbox on a SQLite file
    /// answers concurrent pushed requests at a cold start with 500s, so the production topology's soak signs in in turn.
    /// </summary>
    public bool ConcurrentSignIns { get; init; } = true;

    /// <summary>Run once at <see cref="MidRunAt"/> while the sessions browse (e.g. restart an instance).</summary>
    public Func<Task>? MidRun { get; init; }

    /// <summary>When <see cref="MidRun"/> runs, from the start of browsing. Default: half of <see cref="Duration"/>.</summary>
    public TimeSpan? MidRunAt { get; init; }
}
