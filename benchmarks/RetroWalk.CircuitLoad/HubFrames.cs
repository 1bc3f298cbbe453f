using System.Buffers;
using System.Text;
using System.Text.Json;
using MessagePack;

namespace RetroWalk.CircuitLoad;

/// <summary>
/// The few SignalR hub messages a Blazor page exchanges, in the MessagePack hub protocol that Blazor's hub accepts
/// under the name "blazorpack": after a JSON handshake ended by a record separator, each message is its length as a
/// 7-bit varint followed by a MessagePack array whose first item is the message type (an invocation is
/// [1, headers, invocation id, target, arguments, stream ids]; a completion [3, headers, invocation id, result kind,
/// result]; a ping [6]; a close [7, error, ...]).
/// </summary>
internal static class HubFrames
{
    public const int InvocationType = 1;
    public const int CompletionType = 3;
    public const int PingType = 6;
    public const int CloseType = 7;
    public const int ErrorResult = 1;
    public const int NonVoidResult = 3;
    public const byte RecordSeparator = 0x1e;

    /// <summary>Writes an invocation's arguments.</summary>
    public delegate void Arguments(ref MessagePackWriter writer);

    public static readonly byte[] Handshake = Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e");

    public static readonly byte[] Ping = Frame([0x91, PingType]);

    /// <summary>An invocation of a hub method: with an id the server answers with a completion; without, it does not.</summary>
    public static byte[] Invocation(string? invocationId, string target, int argumentCount, Arguments arguments)
    {
        var body = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(body);
        writer.WriteArrayHeader(6);
        writer.Write(InvocationType);
        writer.WriteMapHeader(0);
        if (invocationId is null)
        {
            writer.WriteNil();
        }
        else
        {
            writer.Write(invocationId);
        }
        writer.Write(target);
        writer.WriteArrayHeader(argumentCount);
        arguments(ref writer);
        writer.WriteArrayHeader(0);
        writer.Flush();
        return Frame(body.WrittenSpan);
    }

    /// <summary>A message with its varint length in front.</summary>
    public static byte[] Frame(ReadOnlySpan<byte> message)
    {
        Span<byte> prefix = stackalloc byte[5];
        var length = 0;
        var remaining = (uint)message.Length;
        do
        {
            var b = (byte)(remaining & 0x7f);
            remaining >>= 7;
            prefix[length++] = remaining > 0 ? (byte)(b | 0x80) : b;
        }
        while (remaining > 0);
        var frame = new byte[length + message.Length];
        prefix[..length].CopyTo(frame);
        message.CopyTo(frame.AsSpan(length));
        return frame;
    }

    /// <summary>Whether <paramref name="buffer"/> starts with a whole message; its varint's length and the message's.</summary>
    public static bool TryFrame(ReadOnlySpan<byte> buffer, out int headerLength, out int length)
    {
        length = 0;
        for (headerLength = 0; headerLength < Math.Min(buffer.Length, 5); )
        {
            var b = buffer[headerLength];
            length |= (b & 0x7f) << (7 * headerLength);
            headerLength++;
            if ((b & 0x80) == 0)
            {
                return buffer.Length - headerLength >= length;
            }
        }
        if (headerLength == 5)
        {
            throw new InvalidOperationException("A hub message's length prefix is longer than five bytes.");
        }
        return false;
    }

    /// <summary>Throws when the server's handshake answer (JSON, before the record separator) carries an error.</summary>
    public static void CheckHandshakeResponse(ReadOnlySpan<byte> json)
    {
        using var response = JsonDocument.Parse(json.ToArray());
        if (response.RootElement.TryGetProperty("error", out var error))
        {
            throw new InvalidOperationException($"The hub refused the handshake: {error.GetString()}");
        }
    }

    /// <summary>Whether a UTF-8 string read from a message is <paramref name="expected"/>.</summary>
    public static bool Is(ReadOnlySequence<byte> text, ReadOnlySpan<byte> expected) =>
        text.IsSingleSegment ? text.FirstSpan.SequenceEqual(expected) : text.ToArray().AsSpan().SequenceEqual(expected);
}
