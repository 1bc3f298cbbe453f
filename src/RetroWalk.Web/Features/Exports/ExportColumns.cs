using System.Globalization;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Web.Features.Exports;

/// <summary>One CSV column: its header, what it means (for the data dictionary) and how a row fills it.</summary>
public sealed record ExportColumn<T>(string Name, string Description, Func<T, object?> Value);

/// <summary>
/// The columns of each export file. Identified and research exports share the clinical columns; only the identified
/// export has names, record numbers, dates of birth, real dates and free text. The data dictionary is written from
/// these same lists, so it always matches the files.
/// </summary>
public static class ExportColumns
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static readonly ExportColumn<RowPatient>[] IdentifiedPatient =
    [
        new("record_number", "The patient's record number in the clinic.", p => p.Patient.RecordNumber),
        new("given_name", "Given name as written in RetroWalk (Unicode).", p => p.Patient.GivenName),
        new("family_name", "Family name as written in RetroWalk (Unicode).", p => p.Patient.FamilyName),
        new("date_of_birth", "Date of birth (YYYY-MM-DD).", p => Day(p.Patient.DateOfBirth)),
    ];

    private static readonly ExportColumn<RowPatient>[] ResearchPatient =
    [
        new("study_id", "Random study id of the patient, made for this export only.", p => p.Study!.StudyId),
        new("age_group", $"Age in years at the start of the patient's first programme in the export; \"{Deidentification.OldestAgeGroup}\" for ages over 89.", p => p.AgeGroup),
    ];

    private static readonly ExportColumn<RowPatient>[] Clinical =
    [
        new("sex", "Female, Male or Other.", p => p.Patient.Sex),
        new("primary_condition", "The patient's primary condition.", p => p.Patient.PrimaryCondition.Display()),
    ];

    private static readonly ExportColumn<SessionRow>[] SessionValues =
    [
        new("protocol_version", "Version of the protocol the programme follows.", r => r.Plan.ProtocolVersionNumber),
        new("protocol_template", "The published template the protocol was cloned from (key), or \"custom\".", r => r.Programme.TemplateKey ?? "custom"),
        new("programme_start", "First day of the programme (YYYY-MM-DD; moved back in a research export).", r => Day(r.Who.Date(r.Plan.StartDate))),
        new("session_date", "Date of the session (YYYY-MM-DD; moved back in a research export).", r => Day(r.Who.Date(r.Session.Date))),
        new("day_of_programme", "Days from the programme's first day to the session (0 = first day).", r => r.DayOfProgramme),
        new("session_number", "Number of the planned session in the programme; empty for an extra session.", r => r.Session.Sequence),
        new("status", "Completed, Partial, Missed, CancelledByClinic or CancelledByPatient.", r => r.Session.Status),
        new("screening_passed", "Whether the pre-session screening passed (true/false).", r => r.Session.ScreeningPassed),
        new("warm_up_min", "Warm-up minutes done.", r => r.Session.WarmUpMinutes),
        new("backward_walking_min", "Minutes of backward treadmill walking done.", r => r.Session.MainMinutes),
        new("cool_down_min", "Cool-down minutes done.", r => r.Session.CoolDownMinutes),
        new("prescribed_backward_walking_min", "Minutes of backward walking prescribed for the session.", r => r.Session.PlannedMainMinutes),
        new("prescribed_speed_kmh", "Prescribed treadmill speed, km/h.", r => r.Session.PlannedSpeedKmh),
        new("start_speed_kmh", "Treadmill speed at the start, km/h.", r => r.Session.StartSpeedKmh),
        new("end_speed_kmh", "Treadmill speed at the end, km/h.", r => r.Session.EndSpeedKmh),
        new("incline", "Treadmill incline, in incline_unit.", r => r.Session.Incline),
        new("incline_unit", "Degrees or Percent.", r => r.Session.InclineUnit),
        new("handrail", "Handrail support: None, LightTouch or Full.", r => r.Session.Handrail),
        new("harness", "Body-weight-support harness used (true/false).", r => r.Session.Harness),
        new("rpe", "Rating of perceived exertion on the protocol's scale (Borg 6–20 or CR-10).", r => r.Session.Rpe),
        new("resting_hr_bpm", "Resting heart rate before the session, beats per minute.", r => r.Session.RestingHeartRate),
        new("peak_hr_bpm", "Peak heart rate during the session, beats per minute.", r => r.Session.PeakHeartRate),
        new("hr_after_bpm", "Heart rate after the session, beats per minute.", r => r.Session.HeartRateAfter),
        new("resting_systolic_mmhg", "Resting systolic blood pressure, mmHg.", r => r.Session.RestingSystolic),
        new("resting_diastolic_mmhg", "Resting diastolic blood pressure, mmHg.", r => r.Session.RestingDiastolic),
        new("systolic_after_mmhg", "Systolic blood pressure after the session, mmHg.", r => r.Session.SystolicAfter),
        new("diastolic_after_mmhg", "Diastolic blood pressure after the session, mmHg.", r => r.Session.DiastolicAfter),
        new("pain_before", "Pain before the session, 0–10.", r => r.Session.PainBefore),
        new("pain_after", "Pain after the session, 0–10.", r => r.Session.PainAfter),
        new("adverse_events", "Adverse events, separated by \";\": Fall, NearFall, Dizziness, ChestPain, PainIncrease, StoppedEarly, Other.",
            r => string.Join(';', r.Session.AdverseEvents.Select(e => e.Type))),
    ];

    private static readonly ExportColumn<OutcomeRow>[] OutcomeValues =
    [
        new("assessment_date", "Date of the assessment (YYYY-MM-DD; moved back in a research export).", r => Day(r.Who.Date(r.Assessment.Date))),
        new("days_from_first_programme_start", "Days from the start of the patient's first programme to the assessment (negative before it); empty without a programme.",
            r => r.DaysFromFirstProgrammeStart),
        new("time_point", "Baseline, Interim, EndOfProgramme or FollowUp.", r => r.Assessment.TimePoint),
        new("measure_code", "RetroWalk's stable measure code (BBS, TUG, 10MWT-C, 10MWT-F, 3MBWT, BWS, 6MWT, FGA, ABC, DGI, FTSTS, MINIBEST).", r => r.Result.MeasureCode),
        new("measure", "The measure's name.", r => MeasureCatalogue.TryGet(r.Result.MeasureCode, out var m) ? m.Name : r.Result.MeasureCode),
        new("value", "The result, in unit; empty when the form is incomplete.", r => r.Result.IsComplete ? r.Result.Value : null),
        new("unit", "UCUM unit of value: {score} (points), s, m/s, m or %.", r => MeasureCatalogue.TryGet(r.Result.MeasureCode, out var m) ? m.Unit.Ucum : null),
        new("complete", "Whether every item was scored (true/false).", r => r.Result.IsComplete),
        new("item_scores", "Item scores of item-scored measures as item:score separated by \";\" (empty score = not scored).",
            r => r.Result.ItemScores is { } items ? string.Join(';', items.Select(i => $"{i.Key}:{i.Value}")) : null),
        new("distance_m", "Distance walked, metres (walk tests).", r => r.Result.DistanceMetres),
        new("time_s", "Time taken, seconds (timed tests).", r => r.Result.TimeSeconds),
        new("handrail_used", "Handrail used during the test (true/false).", r => r.Result.HandrailUse),
        new("percent_of_predicted", "6MWT distance as a percentage of the Enright–Sherrill prediction.", r => r.Result.PercentOfPredicted),
    ];

    public static IReadOnlyList<ExportColumn<SessionRow>> Sessions(ExportKind kind) =>
    [
        .. PatientColumns(kind).Select(c => Of<SessionRow>(c, r => r.Who)),
        kind == ExportKind.Identified
            ? new ExportColumn<SessionRow>("protocol", "The clinic's protocol name.", r => r.Plan.ProtocolName)
            : new ExportColumn<SessionRow>("protocol_code", "The protocol, numbered within this export (P1, P2…); the clinic's own protocol names are free text.", r => r.ProtocolCode),
        .. SessionValues,
        .. kind == ExportKind.Identified ? IdentifiedSessionExtras : [],
    ];

    private static readonly ExportColumn<SessionRow>[] IdentifiedSessionExtras =
    [
        new ExportColumn<SessionRow>("therapist", "The programme's therapist.", r => r.Plan.TherapistName),
        new("adverse_event_notes", "Notes written with the adverse events (free text).", r => string.Join(" | ", r.Session.AdverseEvents.Where(e => e.Note is { Length: > 0 }).Select(e => $"{e.Type}: {e.Note}"))),
        new("screening_reason", "Why the screening failed (free text).", r => r.Session.ScreeningReason),
        new("notes", "Session notes (free text).", r => r.Session.Notes),
    ];

    public static IReadOnlyList<ExportColumn<OutcomeRow>> Outcomes(ExportKind kind) =>
    [
        .. PatientColumns(kind).Select(c => Of<OutcomeRow>(c, r => r.Who)),
        .. OutcomeValues,
        .. kind == ExportKind.Identified ? IdentifiedOutcomeExtras : [],
    ];

    private static readonly ExportColumn<OutcomeRow>[] IdentifiedOutcomeExtras =
    [
        new ExportColumn<OutcomeRow>("assistive_device", "Assistive device used in the test (free text).", r => r.Result.AssistiveDevice),
        new("assessor", "Who did the assessment.", r => r.Assessment.AssessorName),
        new("assessment_notes", "Assessment notes (free text).", r => r.Assessment.Notes),
    ];

    private static IEnumerable<ExportColumn<RowPatient>> PatientColumns(ExportKind kind) =>
        (kind == ExportKind.Identified ? IdentifiedPatient : ResearchPatient).Concat(Clinical);

    private static ExportColumn<TRow> Of<TRow>(ExportColumn<RowPatient> column, Func<TRow, RowPatient> who) =>
        new(column.Name, column.Description, row => column.Value(who(row)));
}
