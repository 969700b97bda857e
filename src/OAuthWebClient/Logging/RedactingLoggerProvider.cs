namespace OAuthWebClient.Logging;

/// <summary>
/// Wraps every logger provider so that what reaches a sink — the formatted message and each structured value —
/// has passed <see cref="SecretRedactor"/>. Defence in depth: our own log messages carry no secret anyway.
/// </summary>
public sealed class RedactingLoggerProvider(ILoggerProvider inner) : ILoggerProvider, ISupportExternalScope
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName));

    /// <summary>Scopes reach the sink through this provider too (e.g. HttpClient's "HTTP POST {uri}"): redacted as they are read.</summary>
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => (inner as ISupportExternalScope)?.SetScopeProvider(new RedactingScopeProvider(scopeProvider));

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
                ? [.. pairs.Select(p => KeyValuePair.Create(p.Key, SecretRedactor.RedactValue(p.Key, p.Value)))]
                : [];
            var redactedException = exception is null ? null : new RedactedException(exception);
            inner.Log(logLevel, eventId, values, redactedException, (_, _) => message);
        }
    }

    private sealed class RedactingScopeProvider(IExternalScopeProvider inner) : IExternalScopeProvider
    {
        public void ForEachScope<TState>(Action<object?, TState> callback, TState state) =>
            inner.ForEachScope((scope, innerState) => callback(Redact(scope), innerState), state);

        public IDisposable Push(object? state) => inner.Push(state);

        private static object? Redact(object? scope) => scope switch
        {
            null => null,
            IEnumerable<KeyValuePair<string, object?>> pairs => new RedactedScope(
                [.. pairs.Select(p => KeyValuePair.Create(p.Key, SecretRedactor.RedactValue(p.Key, p.Value)))],
                SecretRedactor.Redact(scope.ToString() ?? "")),
            _ => SecretRedactor.RedactValue("", scope),
        };
    }

    /// <summary>A scope's values and text after redaction.</summary>
    private sealed class RedactedScope(List<KeyValuePair<string, object?>> values, string text) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => values.Count;

        public KeyValuePair<string, object?> this[int index] => values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => text;
    }
}
