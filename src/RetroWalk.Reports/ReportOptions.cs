namespace RetroWalk.Reports;

/// <summary>The sections a report can include.</summary>
[Flags]
public enum ReportSections
{
    None = 0,
    PatientSummary = 1,
    Adherence = 2,
    SessionHistory = 4,
    Outcomes = 8,
    Charts = 16,
    AssessmentAndPlan = 32,
    All = PatientSummary | Adherence | SessionHistory | Outcomes | Charts | AssessmentAndPlan,
}

public enum ReportPageSize
{
    A4 = 0,
    UsLetter = 1,
}

public sealed record ReportOptions
{
    public static ReportOptions Default { get; } = new();

    public ReportSections Sections { get; init; } = ReportSections.All;

    public ReportPageSize PageSize { get; init; } = ReportPageSize.A4;
}
