using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace VisitPlanner.Core.Json;

/// <summary>How every JSON document we produce is written: UTF-8, Chinese left readable rather than \u-escaped.</summary>
public static class JsonOutput
{
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] ToUtf8(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Options)) write(writer);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Parse options for every JSON body: duplicate keys are an error, since which one wins is a guess (.NET 10).</summary>
    public static readonly JsonDocumentOptions ParseOptions = new() { AllowDuplicateProperties = false, MaxDepth = 32 };
}
