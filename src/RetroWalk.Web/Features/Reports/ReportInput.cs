using System.ComponentModel.DataAnnotations;
using RetroWalk.Reports;

namespace RetroWalk.Web.Features.Reports;

/// <summary>The "new progress report" form.</summary>
public sealed class ReportInput
{
    public const int AssessmentMaxLength = 8000;

    [Required(ErrorMessage = "Enter the first day of the report period.")]
    [Display(Name = "From")]
    public DateOnly? From { get; set; }

    [Required(ErrorMessage = "Enter the last day of the report period.")]
    [Display(Name = "To")]
    public DateOnly? To { get; set; }

    public bool PatientSummary { get; set; } = true;
    public bool Adherence { get; set; } = true;
    public bool SessionHistory { get; set; } = true;
    public bool Outcomes { get; set; } = true;
    public bool Charts { get; set; } = true;
    public bool AssessmentAndPlanSection { get; set; } = true;

    [StringLength(AssessmentMaxLength, ErrorMessage = "The assessment and plan can have at most {1} characters.")]
    [Display(Name = "Therapist's assessment and plan")]
    public string? AssessmentAndPlan { get; set; }

    public ReportSections Sections =>
        (PatientSummary ? ReportSections.PatientSummary : 0)
        | (Adherence ? ReportSections.Adherence : 0)
        | (SessionHistory ? ReportSections.SessionHistory : 0)
        | (Outcomes ? ReportSections.Outcomes : 0)
        | (Charts ? ReportSections.Charts : 0)
        | (AssessmentAndPlanSection ? ReportSections.AssessmentAndPlan : 0);

    /// <summary>A form filled in as an earlier report was.</summary>
    public static ReportInput Like(DateOnly from, DateOnly to, ReportSections sections, string assessmentAndPlan) => new()
    {
        From = from,
        To = to,
        PatientSummary = sections.HasFlag(ReportSections.PatientSummary),
        Adherence = sections.HasFlag(ReportSections.Adherence),
        SessionHistory = sections.HasFlag(ReportSections.SessionHistory),
        Outcomes = sections.HasFlag(ReportSections.Outcomes),
        Charts = sections.HasFlag(ReportSections.Charts),
        AssessmentAndPlanSection = sections.HasFlag(ReportSections.AssessmentAndPlan),
        AssessmentAndPlan = assessmentAndPlan,
    };
}
