using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Patients;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>When in a programme an assessment was taken.</summary>
public enum AssessmentTimePoint
{
    Baseline = 1,
    Interim = 2,
    EndOfProgramme = 3,
    FollowUp = 4,
}

public static class AssessmentTimePoints
{
    public static string Display(this AssessmentTimePoint timePoint) => timePoint switch
    {
        AssessmentTimePoint.Baseline => "Baseline",
        AssessmentTimePoint.Interim => "Interim",
        AssessmentTimePoint.EndOfProgramme => "End of programme",
        AssessmentTimePoint.FollowUp => "Follow-up",
        _ => timePoint.ToString(),
    };
}

/// <summary>One sitting of outcome measures for a patient: a date, a time point, who assessed, and the results.</summary>
public sealed class Assessment : ClinicalRecord, IArchivable, IAuditLabel
{
    public const int AssessorNameMaxLength = 200;
    public const int NotesMaxLength = 4000;

    public Guid PatientId { get; set; }
    public DateOnly Date { get; set; }
    public AssessmentTimePoint TimePoint { get; set; }
    public string AssessorName { get; set; } = "";
    public string? Notes { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
    public string? ArchivedBy { get; set; }

    public List<MeasureResult> Results { get; set; } = [];

    public string AuditLabel => $"{TimePoint.Display()} assessment {Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> builder)
    {
        builder.ToTable("Assessments");
        builder.Property(a => a.TimePoint).HasConversion<string>().HasMaxLength(24);
        builder.Property(a => a.AssessorName).HasMaxLength(Assessment.AssessorNameMaxLength).IsRequired();
        builder.Property(a => a.Notes).HasMaxLength(Assessment.NotesMaxLength);
        builder.Ignore(a => a.AuditLabel);
        builder.HasIndex(a => new { a.ClinicId, a.PatientId, a.Date });
        builder.HasOne<Patient>().WithMany().HasForeignKey(a => a.PatientId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(a => a.ClinicId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Results).WithOne().HasForeignKey(r => r.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
