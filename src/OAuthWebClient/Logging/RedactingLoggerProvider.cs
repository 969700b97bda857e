namespace OAuthWebClient.Logging;

/// <summary>
/// Wraps every logger provider so that what reaches a sink — the formatted message and each structured value —
/// has passed <see cref="SecretRedactor"/>. Defence in depth: our own log messages carry no secret anyway.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(scopeProvider);

    public void Dispose() => inner.Dispose();

    private sealed class RedactingLogger(ILogger inner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!inner.IsEnabled(logLevel))
            {
                return;
            }

            var message = SecretRedactor.Redact(formatter(state, null));
            List<KeyValuePair<string, object?>> values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? [.. pairs.Select(p => KeyValuePair.Create(p.Key, p.Value is string s ? (object?)SecretRedactor.Redact(s) : p.Value))]
                : [];
            var redactedException = exception is null ? null : new RedactedException(exception);
            inner.Log(logLevel, eventId, values, redactedException, (_, _) => message);
        }
    }
}
