using System.Buffers.Binary;

namespace RetroWalk.Reports;

/// <summary>
/// Rewrites a TrueType font so that no composite glyph refers to another composite glyph.
/// </summary>
/// <remarks>
/// PDFsharp's font subsetter adds the components of the glyphs in use, but not the components
/// of those components. DejaVu Sans builds Vietnamese letters such as "ễ" from "e" and a
/// composite "circumflex + tilde" glyph, so in a subset those letters lose their accents on
/// screen and paper (text extraction is unaffected). Inlining nested components once, when the
/// font is loaded, lets the subsetter find every outline. Components placed by matching points
/// rather than by offsets are left as they are.
/// </remarks>
internal static class CompositeGlyphFlattener
{
    private const ushort Arg1And2AreWords = 0x0001;
    private const ushort ArgsAreXyValues = 0x0002;
    private const ushort WeHaveAScale = 0x0008;
    private const ushort MoreComponents = 0x0020;
    private const ushort WeHaveAnXAndYScale = 0x0040;
    private const ushort WeHaveATwoByTwo = 0x0080;
    private const ushort WeHaveInstructions = 0x0100;
    private const ushort UseMyMetrics = 0x0200;
    private const ushort OverlapCompound = 0x0400;

    private readonly record struct Component(ushort Flags, ushort Glyph, double Dx, double Dy, double Xx, double Xy, double Yx, double Yy);

    /// <summary>Returns the font with nested composites inlined, or the same bytes when there are none.</summary>
    public static byte[] Flatten(byte[] font)
    {
        var tables = ReadTableDirectory(font);
        if (!tables.TryGetValue("glyf", out var glyf) || !tables.TryGetValue("loca", out var loca)
            || !tables.TryGetValue("head", out var head) || !tables.TryGetValue("maxp", out var maxp))
        {
            return font;
        }

        var longLoca = BinaryPrimitives.ReadInt16BigEndian(font.AsSpan(head.Offset + 50)) == 1;
        var glyphCount = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(maxp.Offset + 4));
        var offsets = new int[glyphCount + 1];
        for (var i = 0; i <= glyphCount; i++)
        {
            offsets[i] = longLoca
                ? (int)BinaryPrimitives.ReadUInt32BigEndian(font.AsSpan(loca.Offset + 4 * i))
                : 2 * BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(loca.Offset + 2 * i));
        }

        ReadOnlySpan<byte> GlyphBytes(int glyph) => font.AsSpan(glyf.Offset + offsets[glyph], offsets[glyph + 1] - offsets[glyph]);
        bool IsComposite(int glyph) => GlyphBytes(glyph) is { Length: >= 10 } g && BinaryPrimitives.ReadInt16BigEndian(g) < 0;

        var flattened = new Dictionary<int, List<Component>>();
        var maxElements = 0;
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            if (!IsComposite(glyph))
            {
                continue;
            }
            var components = ReadComponents(GlyphBytes(glyph));
            if (components is null || !components.Any(c => IsComposite(c.Glyph)))
            {
                continue;
            }
            var inlined = Inline(components, g => IsComposite(g) ? ReadComponents(GlyphBytes(g)) : null, depth: 0);
            if (inlined is not null && inlined.All(c => (c.Flags & ArgsAreXyValues) != 0))
            {
                flattened[glyph] = inlined;
                maxElements = Math.Max(maxElements, inlined.Count);
            }
        }
        if (flattened.Count == 0)
        {
            return font;
        }

        // New glyf and (long) loca tables.
        using var newGlyf = new MemoryStream(glyf.Length + flattened.Count * 32);
        var newLoca = new byte[4 * (glyphCount + 1)];
        for (var glyph = 0; glyph < glyphCount; glyph++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyph), (uint)newGlyf.Length);
            if (flattened.TryGetValue(glyph, out var components))
            {
                WriteComposite(newGlyf, GlyphBytes(glyph)[2..10], components);
            }
            else
            {
                newGlyf.Write(GlyphBytes(glyph));
            }
            while (newGlyf.Length % 4 != 0)
            {
                newGlyf.WriteByte(0);
            }
        }
        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * glyphCount), (uint)newGlyf.Length);

        var replaced = new Dictionary<string, byte[]>
        {
            ["glyf"] = newGlyf.ToArray(),
            ["loca"] = newLoca,
        };
        var newHead = font.AsSpan(head.Offset, head.Length).ToArray();
        BinaryPrimitives.WriteInt16BigEndian(newHead.AsSpan(50), 1);
        replaced["head"] = newHead;
        var newMaxp = font.AsSpan(maxp.Offset, maxp.Length).ToArray();
        if (newMaxp.Length >= 32)
        {
            var elements = BinaryPrimitives.ReadUInt16BigEndian(newMaxp.AsSpan(28));
            BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(28), (ushort)Math.Max(elements, maxElements));
            BinaryPrimitives.WriteUInt16BigEndian(newMaxp.AsSpan(30), 1);
        }
        replaced["maxp"] = newMaxp;
        return WriteFont(font, tables, replaced);
    }

    /// <summary>Replaces composite components by their own components, transformed; null if a component cannot be inlined.</summary>
    private static List<Component>? Inline(List<Component> components, Func<int, List<Component>?> componentsOf, int depth)
    {
        if (depth > 8)
        {
            return null;
        }
        var result = new List<Component>();
        foreach (var outer in components)
        {
            var inner = componentsOf(outer.Glyph);
            if (inner is null)
            {
                result.Add(outer);
                continue;
            }
            if ((outer.Flags & ArgsAreXyValues) == 0)
            {
                return null;
            }
            var innerFlat = Inline(inner, componentsOf, depth + 1);
            if (innerFlat is null || innerFlat.Any(c => (c.Flags & ArgsAreXyValues) == 0))
            {
                return null;
            }
            foreach (var c in innerFlat)
            {
                // Outer transform applied after the inner one: p' = M_outer (M_inner p + d_inner) + d_outer.
                result.Add(new Component(
                    (ushort)(c.Flags & ~UseMyMetrics),
                    c.Glyph,
                    outer.Xx * c.Dx + outer.Yx * c.Dy + outer.Dx,
                    outer.Xy * c.Dx + outer.Yy * c.Dy + outer.Dy,
                    outer.Xx * c.Xx + outer.Yx * c.Xy,
                    outer.Xy * c.Xx + outer.Yy * c.Xy,
                    outer.Xx * c.Yx + outer.Yx * c.Yy,
                    outer.Xy * c.Yx + outer.Yy * c.Yy));
            }
        }
        return result;
    }

    private static List<Component>? ReadComponents(ReadOnlySpan<byte> glyph)
    {
        var components = new List<Component>();
        var p = 10;
        while (true)
        {
            if (p + 4 > glyph.Length)
            {
                return null;
            }
            var flags = BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
            var index = BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]);
            p += 4;
            double a1, a2;
            if ((flags & Arg1And2AreWords) != 0)
            {
                a1 = (flags & ArgsAreXyValues) != 0 ? BinaryPrimitives.ReadInt16BigEndian(glyph[p..]) : BinaryPrimitives.ReadUInt16BigEndian(glyph[p..]);
                a2 = (flags & ArgsAreXyValues) != 0 ? BinaryPrimitives.ReadInt16BigEndian(glyph[(p + 2)..]) : BinaryPrimitives.ReadUInt16BigEndian(glyph[(p + 2)..]);
                p += 4;
            }
            else
            {
                a1 = (flags & ArgsAreXyValues) != 0 ? (sbyte)glyph[p] : glyph[p];
                a2 = (flags & ArgsAreXyValues) != 0 ? (sbyte)glyph[p + 1] : glyph[p + 1];
                p += 2;
            }
            double xx = 1, xy = 0, yx = 0, yy = 1;
            if ((flags & WeHaveAScale) != 0)
            {
                xx = yy = F2Dot14(glyph[p..]);
                p += 2;
            }
            else if ((flags & WeHaveAnXAndYScale) != 0)
            {
                xx = F2Dot14(glyph[p..]);
                yy = F2Dot14(glyph[(p + 2)..]);
                p += 4;
            }
            else if ((flags & WeHaveATwoByTwo) != 0)
            {
                xx = F2Dot14(glyph[p..]);
                xy = F2Dot14(glyph[(p + 2)..]);
                yx = F2Dot14(glyph[(p + 4)..]);
                yy = F2Dot14(glyph[(p + 6)..]);
                p += 8;
            }
            components.Add(new Component(flags, index, a1, a2, xx, xy, yx, yy));
            if ((flags & MoreComponents) == 0)
            {
                return components;
            }
        }
    }

    private static void WriteComposite(MemoryStream output, ReadOnlySpan<byte> boundingBox, List<Component> components)
    {
        Span<byte> buffer = stackalloc byte[20];
        BinaryPrimitives.WriteInt16BigEndian(buffer, -1);
        output.Write(buffer[..2]);
        output.Write(boundingBox);
        for (var i = 0; i < components.Count; i++)
        {
            var c = components[i];
            var dx = (short)Math.Round(c.Dx);
            var dy = (short)Math.Round(c.Dy);
            var flags = (ushort)(c.Flags & (UseMyMetrics | OverlapCompound | 0x0004 | 0x0800 | 0x1000));
            flags |= ArgsAreXyValues | Arg1And2AreWords;
            if (i < components.Count - 1)
            {
                flags |= MoreComponents;
            }
            var identity = c.Xx == 1 && c.Yy == 1 && c.Xy == 0 && c.Yx == 0;
            var uniformScale = c.Xy == 0 && c.Yx == 0 && c.Xx == c.Yy;
            var axisScale = c.Xy == 0 && c.Yx == 0;
            flags |= identity ? (ushort)0 : uniformScale ? WeHaveAScale : axisScale ? WeHaveAnXAndYScale : WeHaveATwoByTwo;

            BinaryPrimitives.WriteUInt16BigEndian(buffer, flags);
            BinaryPrimitives.WriteUInt16BigEndian(buffer[2..], c.Glyph);
            BinaryPrimitives.WriteInt16BigEndian(buffer[4..], dx);
            BinaryPrimitives.WriteInt16BigEndian(buffer[6..], dy);
            var length = 8;
            if (!identity)
            {
                double[] values = uniformScale ? [c.Xx] : axisScale ? [c.Xx, c.Yy] : [c.Xx, c.Xy, c.Yx, c.Yy];
                foreach (var v in values)
                {
                    BinaryPrimitives.WriteInt16BigEndian(buffer[length..], (short)Math.Round(v * 16384));
                    length += 2;
                }
            }
            output.Write(buffer[..length]);
        }
    }

    private static double F2Dot14(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt16BigEndian(bytes) / 16384.0;

    private readonly record struct TableRecord(int Offset, int Length);

    private static Dictionary<string, TableRecord> ReadTableDirectory(byte[] font)
    {
        var tables = new Dictionary<string, TableRecord>(StringComparer.Ordinal);
        var count = BinaryPrimitives.ReadUInt16BigEndian(font.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = font.AsSpan(12 + 16 * i, 16);
            var tag = System.Text.Encoding.ASCII.GetString(record[..4]);
            tables[tag] = new TableRecord((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
        return tables;
    }

    /// <summary>Writes a font with the same tables in the same order, some replaced, with fresh offsets and checksums.</summary>
    private static byte[] WriteFont(byte[] font, Dictionary<string, TableRecord> tables, Dictionary<string, byte[]> replaced)
    {
        var tags = tables.Keys.Order(StringComparer.Ordinal).ToList();
        var data = tags.Select(t => replaced.TryGetValue(t, out var r) ? r : font.AsSpan(tables[t].Offset, tables[t].Length).ToArray()).ToList();
        var headerLength = 12 + 16 * tags.Count;
        var total = headerLength + data.Sum(d => (d.Length + 3) & ~3);
        var output = new byte[total];
        font.AsSpan(0, 12).CopyTo(output);

        var headOffset = -1;
        var offset = headerLength;
        for (var i = 0; i < tags.Count; i++)
        {
            var table = data[i];
            if (tags[i] == "head")
            {
                BinaryPrimitives.WriteUInt32BigEndian(table.AsSpan(8), 0);
                headOffset = offset;
            }
            var record = output.AsSpan(12 + 16 * i, 16);
            System.Text.Encoding.ASCII.GetBytes(tags[i], record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(table));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)offset);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)table.Length);
            table.CopyTo(output, offset);
            offset += (table.Length + 3) & ~3;
        }
        if (headOffset >= 0)
        {
            BinaryPrimitives.WriteUInt32BigEndian(output.AsSpan(headOffset + 8), unchecked(0xB1B0AFBA - Checksum(output)));
        }
        return output;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i < data.Length; i += 4)
        {
            uint word = 0;
            for (var j = 0; j < 4; j++)
            {
                word = (word << 8) | (i + j < data.Length ? data[i + j] : 0u);
            }
            sum = unchecked(sum + word);
        }
        return sum;
    }
}
