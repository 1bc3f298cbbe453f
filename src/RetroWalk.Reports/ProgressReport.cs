using RetroWalk.Clinical.Charts;

namespace RetroWalk.Reports;

// The report model: immutable records of display-ready values. Whoever builds a report maps
// database data into these records (and decides wording such as MDC/MCID flags); the renderer
// only lays them out. Lists left empty and optional parts left null print
// "No data in this date range." in their section.

/// <summary>Everything one progress report shows.</summary>
public sealed record ProgressReport
{
    public required ClinicDetails Clinic { get; init; }

    /// <summary>Report title, e.g. "Progress report".</summary>
    public required string Title { get; init; }

    /// <summary>When the report was generated, in the clinic's local time (passed in; the renderer never reads a clock).</summary>
    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Label of the time zone of <see cref="GeneratedAt"/>, e.g. "Europe/Warsaw".</summary>
    public required string TimeZoneLabel { get; init; }

    public required PatientDetails Patient { get; init; }

    /// <summary>The programme the report covers, or null when the patient has none.</summary>
    public ProgrammeSummary? Programme { get; init; }

    /// <summary>The date range the report covers.</summary>
    public required DateRange Period { get; init; }

    /// <summary>Adherence over <see cref="Period"/>, or null when there is none to show.</summary>
    public AdherenceSummary? Adherence { get; init; }

    /// <summary>One row per scheduled or held session, in the order to print.</summary>
    public IReadOnlyList<SessionRow> Sessions { get; init; } = [];

    /// <summary>One row per outcome measure.</summary>
    public IReadOnlyList<OutcomeRow> Outcomes { get; init; } = [];

    /// <summary>Plain-language summary sentences printed above the outcome table.</summary>
    public IReadOnlyList<string> SummarySentences { get; init; } = [];

    /// <summary>One chart per measure, drawn from the same layout as the progress review's charts.</summary>
    public IReadOnlyList<TimeChart> Charts { get; init; } = [];

    /// <summary>The therapist's assessment and plan; paragraphs separated by line breaks.</summary>
    public string AssessmentAndPlan { get; init; } = "";

    public required ReportSignature Signature { get; init; }

    /// <summary>The report's own identifier, printed in every page header so that a reader can quote it; null prints none.</summary>
    public string? Identifier { get; init; }

    /// <summary>
    /// The sources the report may cite, each with the short label used in the text. The report ends with a
    /// References section listing exactly those whose label appears on its pages (in the sections printed).
    /// </summary>
    public IReadOnlyList<ReportReference> References { get; init; } = [];
}

/// <summary>A source: the short label cited in the text ("Alghadir 2018") and the full reference.</summary>
public sealed record ReportReference(string Label, string Citation);

public sealed record ClinicDetails(string Name, IReadOnlyList<string> AddressLines);

public sealed record PatientDetails(
    string FullName,
    DateOnly DateOfBirth,
    string RecordNumber,
    string Condition,
    string AffectedSide);

public sealed record ProgrammeSummary(
    string ProtocolName,
    string DoseLine,
    DateOnly StartDate,
    DateOnly? EndDate,
    string Status,
    string ResponsibleTherapist);

public sealed record DateRange(DateOnly From, DateOnly To);

public sealed record AdherenceSummary(
    int SessionsCompleted,
    int SessionsPlanned,
    int MinutesDelivered,
    int MinutesPrescribed,
    IReadOnlyList<string> SpeedProgression,
    IReadOnlyList<AdverseEventRow> AdverseEvents);

public sealed record AdverseEventRow(DateOnly Date, string Kind, string Note);

/// <summary>A session history row; every cell but the date is already formatted for display.</summary>
public sealed record SessionRow(
    DateOnly Date,
    string Status,
    string MainMinutes,
    string Speed,
    string Incline,
    string Rpe,
    string Notes);

/// <summary>An outcome table row; every cell is already formatted for display.</summary>
public sealed record OutcomeRow(
    string Measure,
    string Baseline,
    string Latest,
    string Change,
    string PercentChange,
    string MdcFlag,
    string McidFlag,
    string PopulationAndSource,
    string Category);

/// <summary>The signing therapist; a null date leaves a blank to sign by hand.</summary>
public sealed record ReportSignature(string TherapistName, DateOnly? SignedOn);
