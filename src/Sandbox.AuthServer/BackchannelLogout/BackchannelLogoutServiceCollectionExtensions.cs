namespace Sandbox.AuthServer.BackchannelLogout;

/// <summary>Registers the sandbox's side of OpenID Connect Back-Channel Logout 1.0.</summary>
internal static class BackchannelLogoutServiceCollectionExtensions
{
    public static IServiceCollection AddSandboxBackchannelLogout(this IServiceCollection services)
    {
        services.AddSingleton<SandboxSessions>();
        services.AddSingleton<LogoutTokenFactory>();
        services.AddSingleton<BackchannelLogoutSender>();
        services.AddHttpClient(BackchannelLogoutSender.HttpClientName, http => http.Timeout = BackchannelLogoutSender.Timeout)
            // A redirect is no answer (§2.8): the token is never sent on to another address.
            .ConfigurePrimaryHttpMessageHandler((handler, _) =>
            {
                if (handler is SocketsHttpHandler sockets)
                {
                    sockets.AllowAutoRedirect = false;
                }
            });
        services.AddOpenIddict().AddServer(server => server
            .RegisterClaims(SandboxSessions.SessionIdClaim)
            .AddEventHandler(BackchannelLogoutMetadata.Descriptor));
        return services;
    }
}
