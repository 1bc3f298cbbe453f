using System.Buffers.Binary;
using System.Text;

namespace RetroWalk.CircuitLoad;

/// <summary>
/// Reads what the load client needs from Blazor's binary render batch: the event handler of an element the batch
/// draws. The batch ends with the offsets of its parts (updated components, reference frames, disposed components,
/// disposed event handlers, string table); the reference frames are an int count and then 20 bytes per
/// frame (an int frame type and 16 bytes of fields); the string table is an int per string giving the offset of the
/// string, each written length-prefixed in UTF-8.
/// </summary>
internal static class RenderBatchReader
{
    private const int FrameSize = 20;
    private const int AttributeFrame = 3;
    private const int Parts = 5;

    /// <summary>
    /// The handler of <paramref name="eventAttribute"/> (e.g. "onclick") on the last element in the batch carrying the
    /// attribute <paramref name="name"/> = <paramref name="value"/>; null when the batch draws no such element.
    /// </summary>
    public static ulong? HandlerOf(ReadOnlySpan<byte> batch, string name, string value, string eventAttribute)
    {
        // The trailer is five ints, as blazor.web.js reads it from the end of the batch.
        var trailer = batch.Length - Parts * 4;
        var frames = Int(batch, trailer + 4);
        var strings = Int(batch, batch.Length - 4);
        var count = Int(batch, frames);
        ulong? found = null;
        bool marked = false;
        ulong handler = 0;
        for (var i = 0; i < count; i++)
        {
            var frame = batch.Slice(frames + 4 + i * FrameSize, FrameSize);
            var type = BinaryPrimitives.ReadInt32LittleEndian(frame);
            if (type == AttributeFrame)
            {
                var attribute = String(batch, strings, BinaryPrimitives.ReadInt32LittleEndian(frame[4..]));
                if (attribute == eventAttribute)
                {
                    handler = BinaryPrimitives.ReadUInt64LittleEndian(frame[12..]);
                }
                else if (attribute == name && String(batch, strings, BinaryPrimitives.ReadInt32LittleEndian(frame[8..])) == value)
                {
                    marked = true;
                }
                continue;
            }
            if (marked && handler != 0)
            {
                found = handler;
            }
            // Any other frame ends the attributes of the element before it.
            (marked, handler) = (false, 0);
        }
        return marked && handler != 0 ? handler : found;
    }

    private static int Int(ReadOnlySpan<byte> batch, int at) => BinaryPrimitives.ReadInt32LittleEndian(batch[at..]);

    private static string? String(ReadOnlySpan<byte> batch, int table, int index)
    {
        if (index < 0)
        {
            return null;
        }
        var at = Int(batch, table + index * 4);
        // BinaryWriter's 7-bit encoded length.
        var length = 0;
        var shift = 0;
        byte b;
        do
        {
            b = batch[at++];
            length |= (b & 0x7F) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return Encoding.UTF8.GetString(batch.Slice(at, length));
    }
}
