using Microsoft.Extensions.Options;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Api;
using OAuthWebClient.Client.Events;
using OAuthWebClient.Client.ProofOfPossession;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the signed-in user's access token to a typed or named <see cref="HttpClient"/>.</summary>
public static class UserAccessTokenHandlerExtensions
{
    /// <summary>
    /// Sends the user's access token as a bearer token (RFC 6750 §2.1) to <see cref="UserAccessTokenHandlerOptions.AllowedOrigins"/>
    /// only, refreshes and retries once on 401 <c>invalid_token</c>, and throws <see cref="UserAccessTokenException"/> for
    /// what the app must act on (sign in again, <c>insufficient_scope</c>). Add it before resilience handlers, so retries
    /// reuse the token. Requires <c>AddOAuthClient</c>.
    /// </summary>
    public static IHttpClientBuilder AddUserAccessTokenHandler(this IHttpClientBuilder builder, Action<UserAccessTokenHandlerOptions, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var name = builder.Name;
        builder.Services.AddOptions<UserAccessTokenHandlerOptions>(name)
            .Configure<IServiceProvider>((options, services) => configure(options, services))
            .Validate(
                options => options.AllowedOrigins.Count > 0 && options.AllowedOrigins.All(o => o.IsAbsoluteUri),
                $"The user access token handler of the \"{name}\" HTTP client needs AllowedOrigins: the absolute origins the access token may be sent to.")
            .ValidateOnStart();
        builder.Services.AddHttpContextAccessor();
        return builder.AddHttpMessageHandler(services => new UserAccessTokenHandler(
            services.GetRequiredService<IHttpContextAccessor>(),
            services.GetRequiredService<IUserTokenService>(),
            services.GetRequiredService<EventDispatcher>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<DPoPProofFactory>(),
            services.GetRequiredService<DPoPNonces>(),
            services.GetRequiredService<DPoPKeyCache>(),
            services.GetRequiredService<IOptionsMonitor<UserAccessTokenHandlerOptions>>().Get(name)));
    }

    /// <summary>The same, with the allowed origins known up front.</summary>
    public static IHttpClientBuilder AddUserAccessTokenHandler(this IHttpClientBuilder builder, params Uri[] allowedOrigins)
    {
        ArgumentNullException.ThrowIfNull(allowedOrigins);
        return builder.AddUserAccessTokenHandler((options, _) =>
        {
            foreach (var origin in allowedOrigins)
            {
                options.AllowedOrigins.Add(origin);
            }
        });
    }
}
