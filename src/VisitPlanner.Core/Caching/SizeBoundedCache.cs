namespace VisitPlanner.Core.Caching;

/// <summary>
/// Per-instance memory bounded by the bytes of what it keeps: when a value would take it past <see cref="MaxBytes"/>,
/// the values used (set or read) longest ago go first; a value larger than the whole bound is not kept at all. Thread-safe; one lock,
/// held for a dictionary operation at a time.
/// </summary>
public sealed class SizeBoundedCache<TKey, TValue>(long maxBytes, Func<TValue, long> sizeOf, IEqualityComparer<TKey>? comparer = null) where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value, long Bytes)>> _nodes = new(comparer);
    private readonly LinkedList<(TKey Key, TValue Value, long Bytes)> _order = new();
    private readonly Lock _gate = new();
    private long _bytes;

    public long MaxBytes => maxBytes;

    /// <summary>The bytes kept, as <c>sizeOf</c> counts them.</summary>
    public long Bytes
    {
        get { lock (_gate) return _bytes; }
    }

    public int Count
    {
        get { lock (_gate) return _nodes.Count; }
    }

    public bool TryGetValue(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (_nodes.TryGetValue(key, out var node))
            {
                _order.Remove(node);
                _order.AddLast(node);
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>
    /// Keeps <paramref name="value"/> under <paramref name="key"/>, as the newest, unless <paramref name="keepExisting"/>
    /// says the value already there should stay (a newer revision than the one offered).
    /// </summary>
    public void Set(TKey key, TValue value, Func<TValue, TValue, bool>? keepExisting = null)
    {
        var bytes = sizeOf(value);
        lock (_gate)
        {
            if (_nodes.TryGetValue(key, out var existing))
            {
                if (keepExisting?.Invoke(existing.Value.Value, value) == true) return;
                Remove(existing);
            }
            if (bytes > maxBytes) return;
            _nodes[key] = _order.AddLast((key, value, bytes));
            _bytes += bytes;
            while (_bytes > maxBytes && _order.First is { } oldest) Remove(oldest);
        }
    }

    /// <summary>Keeps <paramref name="value"/> only if nothing is kept under <paramref name="key"/> yet.</summary>
    public void TryAdd(TKey key, TValue value) => Set(key, value, (_, _) => true);

    private void Remove(LinkedListNode<(TKey Key, TValue Value, long Bytes)> node)
    {
        _order.Remove(node);
        _nodes.Remove(node.Value.Key);
        _bytes -= node.Value.Bytes;
    }
}
