using OAuthWebClient.BrowserTests.Infrastructure;
using OAuthWebClient.Testing.Deployment;

namespace OAuthWebClient.DeploymentTests.Infrastructure;

/// <summary>
/// A test of the production topology: needs nginx, redis-server and Chromium. Skipped locally with an install hint when
/// one is missing; under <c>CI=true</c> it runs anyway and fails, because CI must have them (<c>.ci/run</c> installs them).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DeploymentFactAttribute : FactAttribute
{
    public DeploymentFactAttribute()
    {
        if (!Chromium.RunningInCi && WhyUnavailable is { } reason)
        {
            Skip = reason;
        }
    }

    /// <summary>Null when everything the topology needs is installed; otherwise what is missing.</summary>
    public static string? WhyUnavailable =>
        NginxProcess.WhyUnavailable ?? RedisServerProcess.WhyUnavailable ?? (Chromium.IsInstalled ? null : Chromium.InstallHint);
}
