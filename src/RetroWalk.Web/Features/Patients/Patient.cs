using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Clinical;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;

namespace RetroWalk.Web.Features.Patients;

public sealed class Patient : ClinicalRecord, IArchivable, IAuditLabel
{
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    public DateOnly DateOfBirth { get; set; }
    public Sex Sex { get; set; }
    public string RecordNumber { get; set; } = "";
    public Condition PrimaryCondition { get; set; }
    public AffectedSide AffectedSide { get; set; }
    public decimal? HeightCm { get; set; }
    public decimal? WeightKg { get; set; }
    public int? RestingHeartRate { get; set; }
    public bool TakesBetaBlockers { get; set; }
    public string? Notes { get; set; }

    /// <summary>"given family record" folded by <see cref="Infrastructure.SearchText.Fold"/> for server-side search.</summary>
    public string SearchText { get; set; } = "";

    public DateTimeOffset? ArchivedAt { get; set; }
    public string? ArchivedBy { get; set; }

    public string FullName => $"{GivenName} {FamilyName}";
    public string AuditLabel => $"{FullName} ({RecordNumber})";

    public static string SearchTextOf(string givenName, string familyName, string recordNumber) =>
        Infrastructure.SearchText.Fold($"{givenName} {familyName} {recordNumber}");
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.GivenName).HasMaxLength(PatientInput.NameMaxLength).IsRequired();
        builder.Property(p => p.FamilyName).HasMaxLength(PatientInput.NameMaxLength).IsRequired();
        builder.Property(p => p.RecordNumber).HasMaxLength(PatientInput.RecordNumberMaxLength).IsRequired();
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PrimaryCondition).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.AffectedSide).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.HeightCm).HasPrecision(5, 1);
        builder.Property(p => p.WeightKg).HasPrecision(5, 1);
        builder.Property(p => p.Notes).HasMaxLength(4000);
        builder.Property(p => p.SearchText).HasMaxLength(400);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.AuditLabel);
        builder.HasIndex(p => new { p.ClinicId, p.RecordNumber }).IsUnique();
        builder.HasIndex(p => new { p.ClinicId, p.FamilyName, p.GivenName });
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
