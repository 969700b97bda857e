namespace OAuthWebClient.Testing.Deployment;

/// <summary>
/// N browsers' worth of HTTP sessions against client instances running as real processes on loopback: all sign in,
/// then browse concurrently for <see cref="SoakOptions.Duration"/> while <see cref="SoakOptions.MidRun"/> runs once
/// (e.g. an instance restarts). Returns what each session saw.
/// </summary>
public static class SoakDriver
{
    /// <summary>The duration a soak runs: <c>OAUTHWEBCLIENT_SOAK_SECONDS</c> when set (to run longer on demand), else the default.</summary>
    public static TimeSpan DurationFromEnvironment(TimeSpan fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable("OAUTHWEBCLIENT_SOAK_SECONDS"), out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : fallback;

    public static async Task<SoakResult> RunAsync(SoakOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Front is null && options.Instances.Count == 0)
        {
            throw new ArgumentException("A soak needs a Front (a load balancer) or the Instances to balance over.", nameof(options));
        }

        var sessions = Enumerable.Range(0, options.Sessions)
            .Select(i => new SoakSession(i, options.Users[i % options.Users.Count], options)).ToList();
        try
        {
            if (options.ConcurrentSignIns)
            {
                await Task.WhenAll(sessions.Select(s => s.SignInAsync()));
            }
            else
            {
                foreach (var session in sessions)
                {
                    await session.SignInAsync();
                }
            }

            var started = DateTime.UtcNow;
            var until = started + options.Duration;
            var browsing = sessions.Select(s => s.BrowseAsync(until)).ToList();
            if (options.MidRun is { } midRun)
            {
                await Task.Delay(options.MidRunAt ?? options.Duration / 2);
                await midRun();
            }

            var results = await Task.WhenAll(browsing);
            return new SoakResult(results, DateTime.UtcNow - started);
        }
        finally
        {
            foreach (var session in sessions)
            {
                session.Dispose();
            }
        }
    }
}
