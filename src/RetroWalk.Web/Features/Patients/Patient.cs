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
    /// <summary>As typed, without invisible format characters; setting it also sets <see cref="RecordNumberKey"/>.</summary>
    public string RecordNumber
    {
        get => recordNumber;
        set
        {
            recordNumber = value;
            RecordNumberKey = Infrastructure.FieldText.RecordNumberKey(value);
        }
    }

    private string recordNumber = "";

    /// <summary>What record numbers are unique by in a clinic: "rw-1001" and "RW-1001" are one (<see cref="Infrastructure.FieldText.RecordNumberKey"/>).</summary>
    public string RecordNumberKey { get; private set; } = "";

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

    /// <summary>
    /// Room for the longest names and record number folded, joined by two spaces. Folding makes a text at most
    /// three times longer: "ß" becomes "ss", and a few musical symbols decompose into three (a unit test goes
    /// through every code point).
    /// </summary>
    public const int SearchTextMaxLength =
        (Infrastructure.SearchText.MaxGrowth * ((2 * PatientInput.NameMaxStoredLength) + PatientInput.RecordNumberMaxStoredLength)) + 2;

    public static string SearchTextOf(string givenName, string familyName, string recordNumber) =>
        Infrastructure.SearchText.Fold($"{givenName} {familyName} {recordNumber}");
}

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> builder)
    {
        builder.Property(p => p.GivenName).HasMaxLength(PatientInput.NameMaxStoredLength).IsRequired();
        builder.Property(p => p.FamilyName).HasMaxLength(PatientInput.NameMaxStoredLength).IsRequired();
        builder.Property(p => p.RecordNumber).HasMaxLength(PatientInput.RecordNumberMaxStoredLength).IsRequired();
        builder.Property(p => p.RecordNumberKey).HasMaxLength(PatientInput.RecordNumberMaxStoredLength).IsRequired();
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.PrimaryCondition).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.AffectedSide).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.HeightCm).HasPrecision(5, 1);
        builder.Property(p => p.WeightKg).HasPrecision(5, 1);
        builder.Property(p => p.Notes).HasMaxLength(PatientInput.NotesMaxStoredLength);
        builder.Property(p => p.SearchText).HasMaxLength(Patient.SearchTextMaxLength);
        builder.Ignore(p => p.FullName);
        builder.Ignore(p => p.AuditLabel);
        builder.HasIndex(p => new { p.ClinicId, p.RecordNumberKey }).IsUnique();
        builder.HasIndex(p => new { p.ClinicId, p.RecordNumber });
        builder.HasIndex(p => new { p.ClinicId, p.FamilyName, p.GivenName });
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
