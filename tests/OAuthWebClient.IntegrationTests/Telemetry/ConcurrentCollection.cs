using System.Collections;
using System.Collections.Concurrent;

namespace OAuthWebClient.IntegrationTests.Telemetry;

/// <summary>
/// A collection the in-memory exporters may add to from any thread while a test reads it: the tracer provider also
/// sees the activities of other hosts in this process (ASP.NET Core's source is process-wide).
/// </summary>
internal sealed class ConcurrentCollection<T> : ICollection<T>
{
    private readonly ConcurrentQueue<T> _items = new();

    public int Count => _items.Count;

    public bool IsReadOnly => false;

    public void Add(T item) => _items.Enqueue(item);

    public void Clear() => _items.Clear();

    public bool Contains(T item) => _items.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    public bool Remove(T item) => throw new NotSupportedException();

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
