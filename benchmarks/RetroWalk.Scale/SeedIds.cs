namespace RetroWalk.Scale;

/// <summary>
/// Deterministic ids in the layout of <see cref="Guid.CreateVersion7()"/> (48-bit millisecond time, then random
/// bits), so that a seeded database is the same on every run and its keys are ordered by time like the app's.
/// </summary>
internal static class SeedIds
{
    public static Guid At(DateTimeOffset time, Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        var ms = time.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }
        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A random (version 4 layout) id, for concurrency tokens and idempotency keys.</summary>
    public static Guid Random(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[6] = (byte)(0x40 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }
}
