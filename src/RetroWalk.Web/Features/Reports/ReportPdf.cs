using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Features.Reports;

/// <summary>
/// The PDF of an issued report: the bytes rendered at its first download, with their SHA-256, served unchanged
/// to every later download however the patient's data changes afterwards. Written once, never updated.
/// </summary>
public sealed class ReportPdf : IClinicOwned
{
    public Guid ReportId { get; set; }
    public Guid ClinicId { get; set; }
    public byte[] Pdf { get; set; } = [];

    /// <summary>SHA-256 of <see cref="Pdf"/>, 64 lower-case hexadecimal digits.</summary>
    public string Sha256 { get; set; } = "";

    public DateTimeOffset IssuedAt { get; set; }
    public string IssuedBy { get; set; } = "";
}

internal sealed class ReportPdfConfiguration : IEntityTypeConfiguration<ReportPdf>
{
    public void Configure(EntityTypeBuilder<ReportPdf> builder)
    {
        builder.ToTable("ReportPdfs");
        builder.HasKey(p => p.ReportId);
        builder.Property(p => p.Sha256).HasMaxLength(64).IsFixedLength();
        builder.Property(p => p.IssuedBy).HasMaxLength(256);
        builder.HasOne<GeneratedReport>().WithOne().HasForeignKey<ReportPdf>(p => p.ReportId).OnDelete(DeleteBehavior.Restrict);
    }
}
