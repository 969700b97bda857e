using Microsoft.Extensions.Options;
using OAuthWebClient.Client.Providers;

namespace OAuthWebClient.Client.Logout;

/// <summary>
/// Says at start, once per provider, which <c>backchannel_logout_uri</c> to register (Back-Channel Logout 1.0 §2.2):
/// <c>OAuth:PublicOrigin</c> and the provider's path, or the path after "your origin" when the origin comes from requests.
/// </summary>
internal sealed class BackchannelLogoutAnnouncement(ProviderRegistry providers, IOptions<OAuthClientOptions> options, ILogger<BackchannelLogoutAnnouncement> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var origin = options.Value.PublicOrigin?.GetLeftPart(UriPartial.Authority) ?? "{your origin}";
        foreach (var provider in providers.All)
        {
            Log.BackchannelLogoutUri(logger, provider.Name, origin + provider.BackchannelLogoutPath);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
