using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetroWalk.Web.Data.Auditing;

public enum AuditAction
{
    Created = 1,
    Updated = 2,
    Archived = 3,
    Restored = 4,
}

/// <summary>One field's change in an audit entry. <c>null</c> means "no value".</summary>
public sealed record FieldChange(string Field, string? From, string? To);

/// <summary>
/// Append-only: written by <see cref="AuditInterceptor"/>, never updated or deleted (the interceptor
/// refuses it and a database trigger refuses it too).
/// </summary>
public sealed class AuditEntry : IClinicOwned, IChainedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string EntityType { get; set; } = "";
    public Guid EntityId { get; set; }
    public string? EntityLabel { get; set; }
    public AuditAction Action { get; set; }
    public List<FieldChange> Changes { get; set; } = [];

    public long? ChainSequence { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }

    public string ChainName => ChainOf(ClinicId);

    /// <summary>The name of a clinic's audit chain (its <see cref="AuditChainHead"/>).</summary>
    public static string ChainOf(Guid clinicId) => $"AuditEntries/{AuditChain.Id(clinicId)}";

    public IEnumerable<string?> CanonicalFields() =>
    [
        AuditChain.Id(Id), AuditChain.Id(ClinicId), AuditChain.Time(At), UserId, UserName, EntityType,
        AuditChain.Id(EntityId), EntityLabel, Action.ToString(),
        AuditChain.List(Changes.SelectMany(c => new[] { c.Field, c.From, c.To })),
    ];
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        // The time is part of the key because PostgreSQL partitions the trail by month of "At" (PostgreSqlProvider
        // .PartitionAuditEntries), and a partitioned table's keys must include the column it is partitioned by.
        builder.HasKey(a => new { a.Id, a.At });
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.UserId).HasMaxLength(450);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityLabel).HasMaxLength(300);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(16);
        // Stored compactly (AuditStorage); read back as the same values.
        builder.Property(a => a.Changes).HasConversion(AuditStorage.ChangesConverter, AuditStorage.ChangesComparer);
        builder.HasIndex(a => new { a.ClinicId, a.At });
        builder.HasIndex(a => new { a.ClinicId, a.EntityId });
        builder.Property(a => a.PreviousHash).HasConversion(AuditStorage.HashConverter).HasMaxLength(AuditStorage.HashMaxBytes);
        builder.Property(a => a.Hash).HasConversion(AuditStorage.HashConverter).HasMaxLength(AuditStorage.HashMaxBytes);
        builder.HasIndex(a => new { a.ClinicId, a.ChainSequence });
    }
}
