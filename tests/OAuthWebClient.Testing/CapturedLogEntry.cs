using Microsoft.Extensions.Logging;

namespace OAuthWebClient.Testing;

/// <summary>One log call as a sink received it: the formatted message, every structured value, the scopes, the exception.</summary>
public sealed record CapturedLogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyList<string> Values, IReadOnlyList<string> Scopes, string? Exception)
{
    /// <summary>Everything a sink could write for this entry.</summary>
    public string AllText => string.Join('\n', [Category, Message, .. Values, .. Scopes, Exception ?? ""]);
}
