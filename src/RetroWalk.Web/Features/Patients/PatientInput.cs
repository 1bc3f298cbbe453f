using System.ComponentModel.DataAnnotations;
using RetroWalk.Clinical;

namespace RetroWalk.Web.Features.Patients;

/// <summary>The patient form. Ranges that need no "today" are data annotations; text rules, precision and dates are in <see cref="PatientService"/>.</summary>
public sealed class PatientInput
{
    /// <summary>Limits in characters as people count them (text elements, <see cref="Infrastructure.FieldText.Length"/>).</summary>
    public const int NameMaxLength = 100;
    public const int RecordNumberMaxLength = 40;
    public const int NotesMaxLength = 4000;

    /// <summary>The column sizes that hold those limits (<see cref="Infrastructure.FieldText.StoredLength"/>).</summary>
    public const int NameMaxStoredLength = NameMaxLength * Infrastructure.FieldText.StoredUnitsPerTextElement;
    public const int RecordNumberMaxStoredLength = RecordNumberMaxLength * Infrastructure.FieldText.StoredUnitsPerTextElement;
    public const int NotesMaxStoredLength = NotesMaxLength * Infrastructure.FieldText.StoredUnitsPerTextElement;
    public const int MaxAgeYears = 120;

    [Required(ErrorMessage = "Enter the given name.")]
    [Display(Name = "Given name")]
    public string GivenName { get; set; } = "";

    [Required(ErrorMessage = "Enter the family name.")]
    [Display(Name = "Family name")]
    public string FamilyName { get; set; } = "";

    [Required(ErrorMessage = "Enter the date of birth.")]
    [Display(Name = "Date of birth")]
    public DateOnly? DateOfBirth { get; set; }

    [Required(ErrorMessage = "Choose the sex.")]
    public Sex? Sex { get; set; }

    [Required(ErrorMessage = "Enter the clinic record number.")]
    [Display(Name = "Clinic record number")]
    public string RecordNumber { get; set; } = "";

    [Required(ErrorMessage = "Choose the primary condition.")]
    [Display(Name = "Primary condition")]
    public Condition? PrimaryCondition { get; set; }

    [Display(Name = "Affected side")]
    public AffectedSide AffectedSide { get; set; } = AffectedSide.NotApplicable;

    [Range(typeof(decimal), "50", "250", ErrorMessage = "Height must be between 50 and 250 cm.")]
    [Display(Name = "Height (cm)")]
    public decimal? HeightCm { get; set; }

    [Range(typeof(decimal), "20", "350", ErrorMessage = "Weight must be between 20 and 350 kg.")]
    [Display(Name = "Weight (kg)")]
    public decimal? WeightKg { get; set; }

    [Range(25, 200, ErrorMessage = "Resting heart rate must be between 25 and 200 beats per minute.")]
    [Display(Name = "Resting heart rate (bpm)")]
    public int? RestingHeartRate { get; set; }

    [Display(Name = "Takes beta-blockers")]
    public bool TakesBetaBlockers { get; set; }

    public string? Notes { get; set; }

    /// <summary>The version the form was loaded with; a save against a newer version is refused.</summary>
    public Guid Version { get; set; }
}
