using RetroWalk.Clinical;
using RetroWalk.Clinical.Outcomes;

namespace RetroWalk.Web.Features.Outcomes;

/// <summary>How the dashboard groups programmes.</summary>
public enum OutcomeGrouping
{
    Protocol = 1,
    Condition = 2,
}

/// <summary>Programmes that started in the period, optionally only one therapist's.</summary>
public sealed record OutcomeQuery(DateOnly From, DateOnly To, string? TherapistUserId = null);

/// <summary>One patient's change on one measure, with the thresholds that apply to them (signed so that they point towards improvement).</summary>
public sealed record MemberChange(
    string MeasureCode,
    double Baseline,
    double End,
    CohortMeasureChange Counted,
    double? MdcLine,
    string? MdcLabel,
    double? McidLine,
    string? McidLabel)
{
    public double Change => End - Baseline;
}

/// <summary>One programme in the cohort, as loaded from the clinic's records.</summary>
public sealed record CohortMember(
    Guid ProgrammeId,
    Guid PatientId,
    string PatientName,
    Condition Condition,
    Guid ProtocolId,
    string ProtocolName,
    int ProtocolVersion,
    string TherapistName,
    DateOnly StartDate,
    CohortPatient Patient,
    IReadOnlyList<MemberChange> Changes)
{
    public string ProtocolLabel => $"{ProtocolName} v{ProtocolVersion}";
}

/// <summary>A group of the dashboard with its summary.</summary>
public sealed record OutcomeGroup(string Key, string Name, IReadOnlyList<CohortMember> Members, CohortSummary Summary);

/// <summary>The dashboard for a period: its groups and the clinic-wide summary.</summary>
public sealed record OutcomeDashboard(OutcomeQuery Query, OutcomeGrouping Grouping, IReadOnlyList<OutcomeGroup> Groups, OutcomeGroup Clinic)
{
    /// <summary>Measures with at least one baseline-and-end pair, in catalogue order.</summary>
    public IReadOnlyList<string> MeasureCodes { get; init; } = [];
}

/// <summary>Which dose the dose-response chart puts on its horizontal axis.</summary>
public enum DoseAxis
{
    Minutes = 1,
    Sessions = 2,
}

public sealed record DoseResponsePoint(Guid PatientId, string PatientName, string ProtocolLabel, int Minutes, int Sessions, double Change);

/// <summary>Each patient's change on a measure against the dose, with the least-squares line.</summary>
public sealed record DoseResponse(string MeasureCode, DoseAxis Axis, IReadOnlyList<DoseResponsePoint> Points, Clinical.Statistics.LinearFit? Fit);

/// <summary>The dashboard's form: the period in which programmes started, the grouping and the therapist ("" for all).</summary>
public sealed class OutcomeInput
{
    public DateOnly? From { get; set; }
    public DateOnly? To { get; set; }
    public OutcomeGrouping Grouping { get; set; } = OutcomeGrouping.Protocol;
    public string TherapistUserId { get; set; } = "";

    public OutcomeQuery ToQuery() => new(From!.Value, To!.Value, TherapistUserId.Length == 0 ? null : TherapistUserId);

    public Infrastructure.FieldErrors Validate()
    {
        var errors = new Infrastructure.FieldErrors();
        if (From is null)
        {
            errors.Add(nameof(From), "Enter the first day of the period.");
        }
        if (To is null)
        {
            errors.Add(nameof(To), "Enter the last day of the period.");
        }
        else if (From is not null && To < From)
        {
            errors.Add(nameof(To), "The end of the period is before its start.");
        }
        return errors;
    }
}
