using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace OAuthWebClient.FlowInspector;

/// <summary>
/// The inspector's memory: per browser (keyed by the inspector cookie's random id), bounded to
/// <c>FlowInspector:MaxBrowsers</c> browsers. Holds only redacted values (see <see cref="FlowRedaction"/>).
/// </summary>
public sealed class FlowRecorder(IOptions<FlowInspectorOptions> options, TimeProvider timeProvider)
{
    private readonly ConcurrentDictionary<string, BrowserFlow> _browsers = new(StringComparer.Ordinal);
    private readonly FlowInspectorOptions _options = options.Value;

    public FlowSnapshot? Snapshot(string browserId) =>
        _browsers.TryGetValue(browserId, out var flow) ? flow.Snapshot() : null;

    internal DateTimeOffset Now => timeProvider.GetUtcNow();

    internal BrowserFlow For(string browserId)
    {
        if (_browsers.TryGetValue(browserId, out var existing))
        {
            return existing;
        }

        var flow = _browsers.GetOrAdd(browserId, _ => new BrowserFlow(Math.Max(1, _options.MaxEvents), Now));
        while (_browsers.Count > Math.Max(1, _options.MaxBrowsers))
        {
            // Least recently active first; a scan is fine at this size and only happens for a new browser.
            var oldest = _browsers.Where(b => b.Key != browserId).MinBy(b => b.Value.LastActive);
            if (oldest.Key is null || !_browsers.TryRemove(oldest.Key, out _))
            {
                break;
            }
        }

        return flow;
    }
}
