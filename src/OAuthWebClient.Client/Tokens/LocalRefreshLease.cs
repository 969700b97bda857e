namespace OAuthWebClient.Client.Tokens;

/// <summary>One instance: <see cref="SingleFlight{T}"/> already lets one refresh per session through.</summary>
internal sealed class LocalRefreshLease : IRefreshLease
{
    private static readonly Task<IAsyncDisposable?> Granted = Task.FromResult<IAsyncDisposable?>(new Nothing());

    public Task<IAsyncDisposable?> TryAcquireAsync(string sessionId, TimeSpan duration, CancellationToken cancellationToken) => Granted;

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
