using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace RetroWalk.Web.Data.Auditing;

/// <summary>
/// How an audit row's changes and hashes are stored: compactly, because the audit trail holds a row for every clinical
/// row created or changed and would otherwise be most of the database (README, "Scale: large clinics"). Only the
/// stored form is compact: the values read back are exactly those written, so the page, the exports and the chain's
/// canonical form (<see cref="AuditChain"/>, computed from the values) are unchanged.
/// </summary>
public static class AuditStorage
{
    /// <summary>
    /// Changes as a JSON array of arrays: <c>["Field","To"]</c> when there was no value before (every field of a
    /// created row), else <c>["Field","From","To"]</c>; null for "no value". Non-ASCII letters are kept as UTF-8 (a
    /// patient's name in Greek is two bytes a letter instead of six): the text is stored, never put into a page as is.
    /// </summary>
    public static string WriteChanges(IReadOnlyList<FieldChange> changes)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartArray();
            foreach (var change in changes)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(change.Field);
                if (change.From is not null)
                {
                    writer.WriteStringValue(change.From);
                }
                WriteValue(writer, change.To);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Reads the compact form, and also the form written before it (<c>[{"Field":…,"From":…,"To":…}]</c>). The migration
    /// rewrites every stored row, so none should remain; should one (a row copied back from an older backup into a
    /// migrated database, say), the audit log shows it instead of failing.
    /// </summary>
    public static List<FieldChange> ReadChanges(string stored)
    {
        using var document = JsonDocument.Parse(stored);
        var changes = new List<FieldChange>(document.RootElement.GetArrayLength());
        foreach (var change in document.RootElement.EnumerateArray())
        {
            if (change.ValueKind == JsonValueKind.Object)
            {
                changes.Add(new FieldChange(Text(change.GetProperty(nameof(FieldChange.Field)))!,
                    change.TryGetProperty(nameof(FieldChange.From), out var from) ? Text(from) : null,
                    change.TryGetProperty(nameof(FieldChange.To), out var to) ? Text(to) : null));
                continue;
            }
            var values = change.EnumerateArray().Select(Text).ToList();
            changes.Add(values.Count == 2
                ? new FieldChange(values[0]!, null, values[1])
                : new FieldChange(values[0]!, values[1], values[2]));
        }
        return changes;
    }

    private static void WriteValue(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.Null ? null : value.GetString();

    public static readonly ValueConverter<List<FieldChange>, string> ChangesConverter =
        new(changes => WriteChanges(changes), stored => ReadChanges(stored));

    public static readonly ValueComparer<List<FieldChange>> ChangesComparer =
        new((a, b) => a!.SequenceEqual(b!), changes => changes.Aggregate(0, (hash, change) => HashCode.Combine(hash, change)), changes => changes.ToList());

    /// <summary>
    /// A SHA-256 hash stored as its 32 bytes instead of 64 hexadecimal characters, read back as the same lower-case
    /// hex. Anything else (a hash the app never writes) is stored as its UTF-8 bytes and read back as that text (or, were
    /// it 32 bytes long, as their hex): either way it still differs from the row's hash, so a changed hash still shows.
    /// </summary>
    public static byte[] HashBytes(string hash) =>
        hash.Length == 64 && hash.All(char.IsAsciiHexDigitLower) ? Convert.FromHexString(hash) : Encoding.UTF8.GetBytes(hash);

    public static string HashText(byte[] stored) =>
        stored.Length == 32 ? Convert.ToHexStringLower(stored) : Encoding.UTF8.GetString(stored);

    /// <summary>Nulls (rows written before chaining began) are stored as nulls: EF Core never passes them to a converter.</summary>
    public static readonly ValueConverter<string?, byte[]> HashConverter = new(hash => HashBytes(hash!), stored => HashText(stored));

    /// <summary>Room for a 32-byte hash, and for the UTF-8 bytes of any 64 characters a hash column held before.</summary>
    public const int HashMaxBytes = 256;
}
