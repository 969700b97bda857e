namespace OAuthWebClient.FlowInspector;

/// <summary>One browser's recent sign-ins (at most 3) and activity (at most <c>FlowInspector:MaxEvents</c>), thread-safe.</summary>
internal sealed class BrowserFlow(int maxEvents, DateTimeOffset created)
{
    private const int MaxSignIns = 3;
    private readonly Lock _lock = new();
    private readonly List<SignInTimeline> _signIns = [];
    private readonly Queue<FlowActivity> _activity = new();
    private string? _lastAccessToken;

    public DateTimeOffset LastActive { get; private set; } = created;

    /// <summary>Applies <paramref name="change"/> to the sign-in with this state key, starting one if there is none.</summary>
    public void Update(string stateKey, DateTimeOffset now, Func<SignInTimeline, SignInTimeline> change)
    {
        lock (_lock)
        {
            var index = _signIns.FindIndex(s => s.StateKey == stateKey);
            var current = index >= 0 ? _signIns[index] : new SignInTimeline { StateKey = stateKey, Updated = now };
            var updated = change(current) with { Updated = now };
            if (index >= 0)
            {
                _signIns[index] = updated;
            }
            else
            {
                _signIns.Add(updated);
                if (_signIns.Count > MaxSignIns)
                {
                    _signIns.Remove(_signIns.MinBy(s => s.Updated)!);
                }
            }

            LastActive = now;
        }
    }

    public SignInTimeline? Find(string stateKey)
    {
        lock (_lock)
        {
            return _signIns.Find(s => s.StateKey == stateKey);
        }
    }

    public void Add(FlowActivity activity)
    {
        lock (_lock)
        {
            _activity.Enqueue(activity);
            while (_activity.Count > maxEvents)
            {
                _activity.Dequeue();
            }

            LastActive = activity.At;
        }
    }

    /// <summary>Sets the <see cref="FlowActivity.Rotation"/> of the latest activity of <paramref name="kind"/>, if it has none yet.</summary>
    public void AnnotateLast(FlowActivityKind kind, string rotation)
    {
        lock (_lock)
        {
            var items = _activity.ToArray();
            var index = Array.FindLastIndex(items, a => a.Kind == kind);
            if (index < 0 || items[index].Rotation is not null)
            {
                return;
            }

            items[index] = items[index] with { Rotation = rotation };
            _activity.Clear();
            foreach (var item in items)
            {
                _activity.Enqueue(item);
            }
        }
    }

    /// <summary>Remembers the fingerprint of the access token just used and returns the previous one.</summary>
    public string? SwapAccessToken(string fingerprint)
    {
        lock (_lock)
        {
            var previous = _lastAccessToken;
            _lastAccessToken = fingerprint;
            return previous;
        }
    }

    public FlowSnapshot Snapshot()
    {
        lock (_lock)
        {
            var latest = _signIns.MaxBy(s => s.Started);
            var since = latest?.Started ?? DateTimeOffset.MinValue;
            return new FlowSnapshot(latest, [.. _activity.Where(a => a.At >= since)], Math.Max(0, _signIns.Count - 1));
        }
    }
}
