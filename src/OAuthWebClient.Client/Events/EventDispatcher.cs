namespace OAuthWebClient.Client.Events;

/// <summary>
/// Tells every registered <see cref="OAuthClientEvents"/> subscriber. With none registered, <see cref="IsActive"/> is
/// false and callers build no context at all: the seam costs nothing when nobody listens.
/// </summary>
internal sealed partial class EventDispatcher(IEnumerable<OAuthClientEvents> subscribers, TimeProvider timeProvider, ILogger<EventDispatcher> logger)
{
    private readonly OAuthClientEvents[] _subscribers = [.. subscribers];

    public bool IsActive => _subscribers.Length > 0;

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    public async Task RaiseAsync<TContext>(TContext context, Func<OAuthClientEvents, TContext, Task> raise)
        where TContext : OAuthEventContext
    {
        foreach (var subscriber in _subscribers)
        {
            try
            {
                await raise(subscriber, context);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An observer must never change the flow: its failure is its own (the type only: the message could quote a value).
                SubscriberFailed(logger, subscriber.GetType().Name, typeof(TContext).Name, e.GetType().Name);
            }
        }
    }

    [LoggerMessage(11001, LogLevel.Warning, "Event subscriber {Subscriber} failed on {Event} ({Exception}); the flow goes on.", EventName = "EventSubscriberFailed")]
    private static partial void SubscriberFailed(ILogger logger, string subscriber, string @event, string exception);
}
