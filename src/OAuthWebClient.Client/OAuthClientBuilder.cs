namespace OAuthWebClient.Client;

/// <summary>
/// Returned by <c>AddOAuthClient</c>: the place for what an app adds to the client — event subscribers
/// (<c>AddEvents</c>), a shared store (<c>AddRedis</c> from OAuthWebClient.Client.Redis).
/// </summary>
public sealed class OAuthClientBuilder
{
    internal OAuthClientBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }

}
