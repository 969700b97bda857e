using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.Logging;

public static class RedactedLoggingExtensions
{
    /// <summary>
    /// Every logger provider — including ones registered later — is wrapped in <see cref="RedactingLoggerProvider"/>
    /// when the logger factory is built. (Provider-specific filter sections such as <c>Logging:Console</c> then no
    /// longer match by alias; use category rules.)
    /// </summary>
    public static IHostApplicationBuilder AddSecretRedaction(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(services => new LoggerFactory(
            services.GetServices<ILoggerProvider>().Select(provider => new RedactingLoggerProvider(provider)),
            services.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            services.GetService<IOptions<LoggerFactoryOptions>>(),
            services.GetService<IExternalScopeProvider>())));
        return builder;
    }
}
