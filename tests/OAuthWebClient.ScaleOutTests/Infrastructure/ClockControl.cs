using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace OAuthWebClient.ScaleOutTests.Infrastructure;

/// <summary>One fake clock for the client instances (starting now, so real tokens' iat/exp still make sense).</summary>
public sealed class ClockControl
{
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public Action<IWebHostBuilder> Configure => builder =>
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
}
