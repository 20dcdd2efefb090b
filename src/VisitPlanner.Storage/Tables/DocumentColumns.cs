using Azure.Data.Tables;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Stores a JSON document across binary properties Doc0, Doc1, …: a property holds at most 64 KiB and an
/// entity at most 1 MiB, and an event may be up to 256 KiB of JSON. UTF-8 bytes rather than strings, since
/// strings are stored as UTF-16 and binary needs no care for surrogate pairs at chunk edges.
/// </summary>
public static class DocumentColumns
{
    public const int ChunkBytes = 64 * 1024;
    private const string Prefix = "Doc";

    public static void Write(TableEntity entity, ReadOnlySpan<byte> document)
    {
        var index = 0;
        for (var offset = 0; offset < document.Length; offset += ChunkBytes, index++)
        {
            entity[Prefix + index] = document.Slice(offset, Math.Min(ChunkBytes, document.Length - offset)).ToArray();
        }
        entity["DocChunks"] = index;
    }

    public static byte[] Read(TableEntity entity)
    {
        var chunks = entity.GetInt32("DocChunks") ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no document.");
        using var buffer = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            buffer.Write(entity.GetBinary(Prefix + i) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} lacks {Prefix}{i}."));
        }
        return buffer.ToArray();
    }
}
