using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using OAuthWebClient.Client;
using OAuthWebClient.Client.Tokens;

namespace OAuthWebClient.Testing;

/// <summary>
/// Wraps whichever <see cref="ITokenStore"/> the client registered and remembers every session it stored, so a
/// test can assert that an attack created no session at all.
/// </summary>
public sealed class RecordingTokenStore(ITokenStore inner) : ITokenStore
{
    public ConcurrentQueue<string> StoredSessions { get; } = new();

    public int SessionsCreated => StoredSessions.Distinct().Count();

    public Task<TokenSet?> GetAsync(string sessionId, CancellationToken cancellationToken) => inner.GetAsync(sessionId, cancellationToken);

    public Task SetAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        StoredSessions.Enqueue(sessionId);
        return inner.SetAsync(sessionId, tokens, cancellationToken);
    }

    public Task<bool> ReplaceAsync(string sessionId, TokenSet tokens, CancellationToken cancellationToken)
    {
        StoredSessions.Enqueue(sessionId);
        return inner.ReplaceAsync(sessionId, tokens, cancellationToken);
    }

    public Task RemoveAsync(string sessionId, CancellationToken cancellationToken) => inner.RemoveAsync(sessionId, cancellationToken);

    public Task<int> RemoveByProviderSessionAsync(string issuer, string? providerSessionId, string? subject, CancellationToken cancellationToken) =>
        inner.RemoveByProviderSessionAsync(issuer, providerSessionId, subject, cancellationToken);

    /// <summary>Replaces the last <see cref="ITokenStore"/> registration with a recording wrapper around it.</summary>
    public static void Decorate(IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var original = services.Last(d => d.ServiceType == typeof(ITokenStore));
        services.Add(ServiceDescriptor.Singleton<ITokenStore>(provider => new RecordingTokenStore(Resolve(provider, original))));
    }

    private static ITokenStore Resolve(IServiceProvider provider, ServiceDescriptor descriptor) =>
        (ITokenStore)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(provider)
            ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));
}
