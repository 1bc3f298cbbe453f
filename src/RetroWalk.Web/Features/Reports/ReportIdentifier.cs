namespace RetroWalk.Web.Features.Reports;

/// <summary>
/// A report's identifier for people: twelve characters of Crockford's base 32 (no I, L, O or U, so it survives
/// being read aloud or typed), grouped in fours, e.g. "7K3M-9QX2-H4DZ". Taken from the random part of the
/// report's id (60 bits), and unique in the database by an index.
/// </summary>
public static class ReportIdentifier
{
    public const int Length = 14;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string For(Guid reportId)
    {
        var bytes = reportId.ToByteArray(bigEndian: true);
        // Bytes 8 to 15 of a version 7 id: two variant bits, then 62 random bits; the last 60 are used.
        var bits = ((ulong)(bytes[8] & 0x0F) << 56) | ((ulong)bytes[9] << 48) | ((ulong)bytes[10] << 40) | ((ulong)bytes[11] << 32)
            | ((ulong)bytes[12] << 24) | ((ulong)bytes[13] << 16) | ((ulong)bytes[14] << 8) | bytes[15];
        var characters = new char[Length];
        for (int i = 11, position = Length - 1; i >= 0; i--, position--)
        {
            if (position is 4 or 9)
            {
                characters[position--] = '-';
            }
            characters[position] = Alphabet[(int)(bits & 31)];
            bits >>= 5;
        }
        return new string(characters);
    }
}
