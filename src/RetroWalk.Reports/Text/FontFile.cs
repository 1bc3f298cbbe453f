using System.Buffers.Binary;
using System.Collections;

namespace RetroWalk.Reports.Text;

/// <summary>Reads what the reports need from a TrueType file: one face of a collection, and which characters it maps.</summary>
internal static class FontFile
{
    /// <summary>
    /// The face at <paramref name="index"/> as a standalone font, when <paramref name="font"/> is a TrueType
    /// collection (.ttc); the bytes unchanged otherwise. PDFsharp reads single fonts only.
    /// </summary>
    public static byte[] Face(byte[] font, int index)
    {
        if (font.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(font) != 0x74746366) // "ttcf"
        {
            return font;
        }
        var faceCount = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(8));
        if (index < 0 || index >= faceCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"The collection has {faceCount} faces.");
        }
        var directory = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(12 + 4 * index));
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(directory + 4));
        var headerLength = 12 + 16 * tableCount;
        var tables = new (int Record, int Offset, int Length)[tableCount];
        var size = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var record = directory + 12 + 16 * i;
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 12));
            tables[i] = (record, (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8)), length);
            size += (length + 3) & ~3;
        }

        var face = new byte[size];
        font.AsSpan(directory, 12).CopyTo(face);
        var position = headerLength;
        for (var i = 0; i < tableCount; i++)
        {
            var (record, offset, length) = tables[i];
            var target = 12 + 16 * i;
            font.AsSpan(record, 16).CopyTo(face.AsSpan(target));
            BinaryPrimitives.WriteUInt32BigEndian(face.AsSpan(target + 8), (uint)position);
            font.AsSpan(offset, length).CopyTo(face.AsSpan(position));
            position += (length + 3) & ~3;
        }
        return face;
    }

    /// <summary>The characters the font's Unicode character map (format 4 or 12) gives a glyph.</summary>
    public static CharacterSet Characters(byte[] font)
    {
        var set = new CharacterSet();
        var tableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        var cmap = -1;
        for (var i = 0; i < tableCount; i++)
        {
            var record = 12 + 16 * i;
            if (BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record)) == 0x636D6170) // "cmap"
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(record + 8));
            }
        }
        if (cmap < 0)
        {
            return set;
        }

        var subtableCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 2));
        int? best = null;
        var bestFormat = 0;
        for (var i = 0; i < subtableCount; i++)
        {
            var platform = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 4 + 8 * i));
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(cmap + 6 + 8 * i));
            var offset = cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(cmap + 8 + 8 * i));
            var format = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(offset));
            var unicode = platform == 0 || (platform == 3 && encoding is 1 or 10);
            if (unicode && (format == 12 || (format == 4 && bestFormat != 12)))
            {
                best = offset;
                bestFormat = format;
            }
        }
        if (best is not { } table)
        {
            return set;
        }
        if (bestFormat == 12)
        {
            var groups = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(table + 12));
            for (var g = 0; g < groups; g++)
            {
                var group = table + 16 + 12 * g;
                var first = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(group));
                var last = (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(group + 4));
                var glyph = BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(group + 8));
                for (var c = first; c <= last; c++)
                {
                    if (glyph + (uint)(c - first) != 0)
                    {
                        set.Add(c);
                    }
                }
            }
            return set;
        }

        var segments = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(table + 6)) / 2;
        var ends = table + 14;
        var starts = ends + 2 * segments + 2;
        var deltas = starts + 2 * segments;
        var rangeOffsets = deltas + 2 * segments;
        for (var s = 0; s < segments; s++)
        {
            int end = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(ends + 2 * s));
            int start = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(starts + 2 * s));
            var delta = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(deltas + 2 * s));
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(rangeOffsets + 2 * s));
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (rangeOffset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = rangeOffsets + 2 * s + rangeOffset + 2 * (c - start);
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(at));
                    if (glyph != 0)
                    {
                        glyph = (glyph + delta) & 0xFFFF;
                    }
                }
                if (glyph != 0)
                {
                    set.Add(c);
                }
            }
        }
        return set;
    }
}

/// <summary>A set of Unicode code points: a bitmap for the Basic Multilingual Plane, a hash set beyond it.</summary>
internal sealed class CharacterSet
{
    private readonly BitArray basic = new(0x10000);
    private readonly HashSet<int> supplementary = [];

    public void Add(int codePoint)
    {
        if (codePoint < 0x10000)
        {
            basic[codePoint] = true;
        }
        else
        {
            supplementary.Add(codePoint);
        }
    }

    public bool Contains(int codePoint) => codePoint < 0x10000 ? basic[codePoint] : supplementary.Contains(codePoint);
}
