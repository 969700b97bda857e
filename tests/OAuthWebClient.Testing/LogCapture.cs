using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace OAuthWebClient.Testing;

/// <summary>
/// A logger provider that keeps every entry it is given, at every level, with its structured values and active
/// scopes — what a console or a log shipper would see.
/// </summary>
public sealed class LogCapture : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ConcurrentQueue<CapturedLogEntry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(LogCapture capture, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => capture._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs
                ? pairs.Select(p => $"{p.Key}={Describe(p.Value)}").ToList()
                : [Describe(state)];
            var scopes = new List<string>();
            capture._scopes.ForEachScope((scope, list) =>
            {
                list.Add(Describe(scope));
                if (scope is IEnumerable<KeyValuePair<string, object?>> scopeValues)
                {
                    list.AddRange(scopeValues.Select(p => $"{p.Key}={Describe(p.Value)}"));
                }
            }, scopes);
            capture.Entries.Enqueue(new CapturedLogEntry(category, logLevel, eventId, formatter(state, exception), values, scopes, exception?.ToString()));
        }

        private static string Describe(object? value) => value switch
        {
            null => "",
            string s => s,
            System.Collections.IEnumerable sequence and not string => string.Join(", ", sequence.Cast<object?>().Select(v => v?.ToString())),
            _ => value.ToString() ?? "",
        };
    }
}
