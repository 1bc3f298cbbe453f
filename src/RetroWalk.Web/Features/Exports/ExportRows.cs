using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Features.Exports;

/// <summary>Who a row is about, as the export may show them: identified columns are filled only in an identified export.</summary>
public sealed record RowPatient(Patient Patient, StudyPatient? Study, string AgeGroup)
{
    public DateOnly Date(DateOnly date) => Study?.Shift(date) ?? date;
}

/// <summary>One recorded session with its patient and programme.</summary>
public sealed record SessionRow(RowPatient Who, ExportProgramme Programme, string ProtocolCode, SessionRecord Session)
{
    public Programme Plan => Programme.Programme;

    public int DayOfProgramme => Session.Date.DayNumber - Plan.StartDate.DayNumber;
}

/// <summary>One outcome measure result with its assessment and patient.</summary>
public sealed record OutcomeRow(RowPatient Who, Assessment Assessment, MeasureResult Result, DateOnly? FirstProgrammeStart)
{
    public int? DaysFromFirstProgrammeStart => FirstProgrammeStart is { } start ? Assessment.Date.DayNumber - start.DayNumber : null;
}
