using RetroWalk.Clinical;

namespace RetroWalk.Web.Features.Exports;

public enum ExportKind
{
    /// <summary>Sessions and outcome results with the patients' names, record numbers and real dates, for the clinic's own use.</summary>
    Identified = 1,

    /// <summary>The same data de-identified by the HIPAA Safe Harbor method, for research.</summary>
    Research = 2,
}

/// <summary>
/// What to export: the whole clinic, or a cohort (patients on one protocol, with one primary condition), optionally
/// limited to sessions and assessments in a period.
/// </summary>
public sealed record ExportRequest(ExportKind Kind, Guid? ProtocolId = null, Condition? Condition = null, DateOnly? From = null, DateOnly? To = null)
{
    public string? Problem => From is { } from && To is { } to && to < from ? "The end of the period is before its start." : null;
}
