using Azure.Data.Tables;
using VisitPlanner.Core.Repositories;
using VisitPlanner.Storage.Documents;

namespace VisitPlanner.Storage.Tables;

/// <summary>
/// Stores a document across binary properties Doc0, Doc1, …, with <see cref="ChunkCount"/> saying how many and
/// <see cref="Schema"/> which schema it is in (absent: schema 1). A property holds at most 64 KiB and an entity at most
/// 1 MiB. The service counts a binary property's bytes, but Azurite counts the entity's JSON, where binary travels as
/// base64 (4 bytes for 3): a document may take at most <see cref="MaxChunks"/> properties (704 KiB, 939 KiB as base64),
/// which fits both with room for the rest of the entity.
/// UTF-8 bytes rather than strings, since strings are stored as UTF-16 and binary needs no care for surrogate pairs at
/// chunk edges.
/// </summary>
public static class DocumentColumns
{
    public const int ChunkBytes = 64 * 1024;
    public const int MaxChunks = 11;
    public const int MaxBytes = MaxChunks * ChunkBytes;
    public const string ChunkCount = "DocChunks";
    public const string Schema = "DocSchema";
    private const string Prefix = "Doc";

    public static void Write(TableEntity entity, ReadOnlySpan<byte> document, int schema)
    {
        if (document.Length > MaxBytes) throw new InvalidOperationException($"A document of {document.Length} bytes does not fit in an entity (at most {MaxBytes}).");
        var index = 0;
        for (var offset = 0; offset < document.Length; offset += ChunkBytes, index++)
        {
            entity[Prefix + index] = document.Slice(offset, Math.Min(ChunkBytes, document.Length - offset)).ToArray();
        }
        entity[ChunkCount] = index;
        entity[Schema] = schema;
    }

    public static (byte[] Document, int Schema) Read(TableEntity entity)
    {
        var chunks = entity.GetInt32(ChunkCount) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} has no document.");
        using var buffer = new MemoryStream();
        for (var i = 0; i < chunks; i++)
        {
            buffer.Write(entity.GetBinary(Prefix + i) ?? throw new InvalidDataException($"Entity {entity.PartitionKey}/{entity.RowKey} lacks {Prefix}{i}."));
        }
        return (buffer.ToArray(), entity.GetInt32(Schema) ?? 1);
    }

    /// <summary>
    /// The event an entity's document holds, in whichever schema it was written, and the document's size; throws
    /// <see cref="UnreadableEventException"/> naming the event when the document cannot be read.
    /// </summary>
    public static (Core.Domain.VisitEvent Event, int Bytes) ReadEvent(TableEntity entity)
    {
        try
        {
            var (document, schema) = Read(entity);
            return (EventDocument.Read(document, schema), document.Length);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableEventException(entity.GetString("EventId") ?? entity.PartitionKey, e.Message, e);
        }
    }
}
