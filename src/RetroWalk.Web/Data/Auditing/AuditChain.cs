using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetroWalk.Web.Data.Auditing;

/// <summary>
/// A row of an append-only record (<see cref="AuditEntry"/>, <see cref="Features.Audit.AccessEvent"/>) that carries a
/// hash chained to the row before it in its chain: one chain per record table and clinic.
/// </summary>
public interface IChainedRecord
{
    Guid Id { get; }
    DateTimeOffset At { get; set; }

    /// <summary>1, 2, 3, ... in its chain; null only for rows written before chaining began.</summary>
    long? ChainSequence { get; set; }

    /// <summary>The hash of the row before it (64 zeros for the first row of a chain).</summary>
    string? PreviousHash { get; set; }

    /// <summary>SHA-256 (lower-case hex) of <see cref="AuditChain.Canonical"/>.</summary>
    string? Hash { get; set; }

    /// <summary>The chain it belongs to, e.g. <c>AuditEntries/0193…</c>.</summary>
    string ChainName { get; }

    /// <summary>Every stored field except the chain fields, in a fixed order, each written by <see cref="AuditChain"/>'s formats.</summary>
    IEnumerable<string?> CanonicalFields();
}

/// <summary>The newest row of one chain: how far it goes and its last hash. Updated with every row added.</summary>
public sealed class AuditChainHead
{
    public string Chain { get; set; } = "";
    public long Sequence { get; set; }
    public string LastHash { get; set; } = AuditChain.Genesis;
}

internal sealed class AuditChainHeadConfiguration : IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.HasKey(h => h.Chain);
        builder.Property(h => h.Chain).HasMaxLength(80);
        builder.Property(h => h.LastHash).HasMaxLength(64);
        // Two saves that read the same head: the second one's update matches no row and is tried again on the new head.
        builder.Property(h => h.Sequence).IsConcurrencyToken();
    }
}

/// <summary>
/// The hash chain of the audit records. Each row's hash is SHA-256 over its canonical serialisation: a JSON array
/// (UTF-8, System.Text.Json's default escaping, no white space) of
/// <c>["RetroWalk audit v1", chain, sequence, previous hash, field, field, ...]</c> where every value is a JSON
/// string or null: sequence in invariant decimal digits; ids as lower-case "D" GUIDs; times in UTC as
/// <c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c> (times are cut to whole microseconds before the row is written, the precision
/// both databases keep); enums by name; numbers in invariant culture with no exponent and no trailing zeros;
/// lists as nested arrays. Any change to a stored field, to the order of rows or to the chain fields changes a hash.
/// </summary>
public static class AuditChain
{
    public const string FormatVersion = "RetroWalk audit v1";
    public static readonly string Genesis = new('0', 64);

    public static string Time(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture);

    public static string Id(Guid value) => value.ToString("D", CultureInfo.InvariantCulture);

    public static string? Id(Guid? value) => value is { } id ? Id(id) : null;

    public static string Number(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>A nested list, as the JSON text of an array of strings or nulls.</summary>
    public static string List(IEnumerable<string?> values) => Json(values);

    /// <summary>The time as both databases store it: whole microseconds.</summary>
    public static DateTimeOffset ToMicroseconds(DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % (TimeSpan.TicksPerMillisecond / 1000), value.Offset);

    public static string Canonical(IChainedRecord row) =>
        Json(new string?[]
        {
            FormatVersion, row.ChainName, row.ChainSequence?.ToString(CultureInfo.InvariantCulture), row.PreviousHash,
        }.Concat(row.CanonicalFields()));

    public static string HashOf(IChainedRecord row) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(row))));

    private static string Json(IEnumerable<string?> values)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var value in values)
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
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Gives every chained row being added its place in its chain (sequence, previous hash, hash) and moves the
    /// chain heads on. The heads are saved in the same transaction; a head another save moved first makes this save
    /// fail as a concurrency conflict, which <see cref="RetroWalkDbContext"/> retries on the new head.
    /// </summary>
    public static async Task SealAsync(RetroWalkDbContext db, CancellationToken cancellationToken)
    {
        foreach (var chain in Pending(db))
        {
            var head = await db.Set<AuditChainHead>().FindAsync([chain.Key], cancellationToken);
            Seal(db, chain, head);
        }
    }

    public static void Seal(RetroWalkDbContext db)
    {
        foreach (var chain in Pending(db))
        {
            Seal(db, chain, db.Set<AuditChainHead>().Find(chain.Key));
        }
    }

    private static List<IGrouping<string, IChainedRecord>> Pending(RetroWalkDbContext db) =>
        db.ChangeTracker.Entries<IChainedRecord>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity)
            .OrderBy(r => r.At).ThenBy(r => r.Id)
            .GroupBy(r => r.ChainName)
            .ToList();

    private static void Seal(RetroWalkDbContext db, IGrouping<string, IChainedRecord> rows, AuditChainHead? head)
    {
        if (head is null)
        {
            head = new AuditChainHead { Chain = rows.Key };
            db.Set<AuditChainHead>().Add(head);
        }
        foreach (var row in rows)
        {
            row.At = ToMicroseconds(row.At);
            row.ChainSequence = head.Sequence + 1;
            row.PreviousHash = head.LastHash;
            row.Hash = HashOf(row);
            head.Sequence = row.ChainSequence.Value;
            head.LastHash = row.Hash;
        }
    }

    /// <summary>
    /// Whether a failed save failed only on the chain (a head moved by another save, or a head two saves created at
    /// once): then <see cref="Forget"/> and saving again puts its rows at the end of the new chain.
    /// </summary>
    public static bool IsChainConflict(DbUpdateException exception) =>
        exception.Entries.Count > 0 && exception.Entries.All(e => e.Entity is AuditChainHead)
        || exception is not DbUpdateConcurrencyException && Database.IsUniqueViolation(exception)
            && exception.Entries.Any(e => e.Entity is AuditChainHead);

    /// <summary>
    /// Before a save is tried again: the chain heads are read afresh, and the audit entries the save made are made
    /// again (the audit interceptor writes them from the tracked changes).
    /// </summary>
    public static void Forget(RetroWalkDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is AuditChainHead
            || e.Entity is AuditEntry && e.State == EntityState.Added).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}
