using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RetroWalk.Web.Data.Auditing;

/// <summary>
/// One month of the audit trail moved out of the live database into a file (<see cref="AuditArchive"/>): which month,
/// the file's name, how many rows and the file's SHA-256, so that a restore can refuse a file that is not the one written.
/// </summary>
public sealed class AuditArchiveMonth
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The first instant of the month, in UTC (the trail's months are UTC months).</summary>
    public DateTimeOffset MonthStart { get; set; }

    public string FileName { get; set; } = "";
    public long Rows { get; set; }
    public string FileSha256 { get; set; } = "";
    public DateTimeOffset ArchivedAt { get; set; }

    /// <summary>When the month was last brought back into the database; null while it is only in its file.</summary>
    public DateTimeOffset? RestoredAt { get; set; }
}

/// <summary>
/// An archived row the live chain still needs: the last row of each run of archived rows in a chain (the row just
/// before the chain's first live row, or its last row if the whole chain was archived), with its hash. The chain
/// check takes the place of each archived run from it, so the live rows verify without the archive.
/// </summary>
public sealed class AuditArchiveLink
{
    public string Chain { get; set; } = "";
    public long Sequence { get; set; }
    public string Hash { get; set; } = "";
    public Guid ArchiveMonthId { get; set; }
}

internal sealed class AuditArchiveMonthConfiguration : IEntityTypeConfiguration<AuditArchiveMonth>
{
    public void Configure(EntityTypeBuilder<AuditArchiveMonth> builder)
    {
        builder.ToTable("AuditArchiveMonths");
        builder.Property(a => a.FileName).HasMaxLength(200);
        builder.Property(a => a.FileSha256).HasMaxLength(64);
        builder.HasIndex(a => a.MonthStart).IsUnique();
    }
}

internal sealed class AuditArchiveLinkConfiguration : IEntityTypeConfiguration<AuditArchiveLink>
{
    public void Configure(EntityTypeBuilder<AuditArchiveLink> builder)
    {
        builder.ToTable("AuditArchiveLinks");
        builder.HasKey(l => new { l.Chain, l.Sequence });
        builder.Property(l => l.Chain).HasMaxLength(80);
        builder.Property(l => l.Hash).HasMaxLength(64);
        builder.HasOne<AuditArchiveMonth>().WithMany().HasForeignKey(l => l.ArchiveMonthId).OnDelete(DeleteBehavior.Restrict);
    }
}
