using Microsoft.Extensions.Options;

namespace OAuthWebClient.Client.Providers;

/// <summary>
/// At start, reads every named provider's options, so a problem in <c>OAuth:Providers:{name}</c> stops the app with the
/// others (as <c>ValidateOnStart</c> does for the <c>OAuth</c> section) instead of surfacing at the first sign-in.
/// </summary>
internal sealed class ProviderValidation(ProviderNames names, IOptionsMonitor<OAuthClientOptions> monitor) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (names.AreNamed && names.Problems.Count == 0)
        {
            var failures = new List<string>();
            foreach (var name in names.All)
            {
                try
                {
                    _ = monitor.Get(name);
                }
                catch (OptionsValidationException e)
                {
                    failures.AddRange(e.Failures);
                }
            }

            if (failures.Count > 0)
            {
                throw new OptionsValidationException(OAuthClientDefaults.SectionName, typeof(OAuthClientOptions), failures);
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
