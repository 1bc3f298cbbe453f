using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Reports;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;

namespace RetroWalk.Web.Features.Reports;

/// <summary>
/// A progress report someone generated: for whom, which period and sections, and the therapist's
/// assessment and plan as written then. Its PDF is rendered once, at the first download, and kept
/// unchanged from then on (<see cref="ReportPdf"/>); "regenerate" makes a new report.
/// </summary>
public sealed class GeneratedReport : ClinicalRecord, IAuditLabel
{
    public Guid PatientId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly To { get; set; }
    public ReportSections Sections { get; set; }
    public ReportPageSize PageSize { get; set; }
    public string AssessmentAndPlan { get; set; } = "";
    public string FileName { get; set; } = "";

    /// <summary>The identifier printed on every page, for a reader to quote (<see cref="ReportIdentifier"/>); null only for reports made before identifiers existed, until their first download.</summary>
    public string? Identifier { get; set; }

    /// <summary>The batch that made this report, if one did; its reports are marked while the batch has not finished.</summary>
    public Guid? BatchId { get; set; }

    public string AuditLabel => FileName;
}

internal sealed class GeneratedReportConfiguration : IEntityTypeConfiguration<GeneratedReport>
{
    public void Configure(EntityTypeBuilder<GeneratedReport> builder)
    {
        builder.ToTable("GeneratedReports");
        builder.Property(r => r.Sections).HasConversion<string>().HasMaxLength(200);
        builder.Property(r => r.PageSize).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.AssessmentAndPlan).HasMaxLength(ReportInput.AssessmentMaxLength);
        builder.Property(r => r.FileName).HasMaxLength(200);
        builder.Property(r => r.Identifier).HasMaxLength(ReportIdentifier.Length);
        builder.HasIndex(r => r.Identifier).IsUnique();
        builder.HasIndex(r => new { r.BatchId, r.PatientId });
        builder.HasOne<Infrastructure.Jobs.BackgroundJob>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.AuditLabel);
        builder.HasIndex(r => new { r.ClinicId, r.PatientId, r.CreatedAt });
        builder.HasOne<Patients.Patient>().WithMany().HasForeignKey(r => r.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
