using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Outcomes;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Outcomes;

/// <summary>
/// Loads the signed-in user's clinic's programmes that started in a period, with their sessions' adherence, dose and
/// adverse events and their patients' baseline and end-of-programme results. Each query projects to small rows; the
/// clinic query filter keeps every other clinic's rows out.
/// <para>
/// A programme's baseline for a measure is the latest complete result at the baseline time point from
/// <see cref="BaselineDaysBefore"/> days before its start to <see cref="BaselineDaysAfter"/> days after; its end value is the
/// latest complete end-of-programme result after the start and up to <see cref="EndDaysAfter"/> days after the programme
/// ended (or today, while it runs).
/// </para>
/// </summary>
public sealed class CohortLoader(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock)
{
    public const int BaselineDaysBefore = 42;
    public const int BaselineDaysAfter = 14;
    public const int EndDaysAfter = 28;

    private sealed record ProgrammeRow(Guid Id, Guid PatientId, string GivenName, string FamilyName, Condition Condition, DateOnly DateOfBirth,
        Guid ProtocolId, Guid ProtocolVersionId, string ProtocolName, int VersionNumber, string TherapistName, DateOnly StartDate,
        ProgrammeStatus Status, DateOnly? PausedFrom, string? DiscontinuedReason, DateOnly? EndedOn);

    private sealed record PlannedRow(Guid ProgrammeId, int Sequence, DateOnly Date, int Week, int DoseSequence, bool IsMakeUp, int? ReplacesSequence);

    private sealed record RecordRow(Guid ProgrammeId, int? Sequence, DateOnly Date, SessionStatus Status, decimal? PlannedMainMinutes, decimal? MainMinutes, string AdverseEventsJson);

    private sealed record ResultRow(Guid PatientId, DateOnly Date, AssessmentTimePoint TimePoint, DateTimeOffset CreatedAt, string MeasureCode, decimal Value);

    public async Task<IReadOnlyList<CohortMember>> LoadAsync(OutcomeQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmes = db.Set<Programme>().Where(g => g.StartDate >= query.From && g.StartDate <= query.To);
        if (!string.IsNullOrEmpty(query.TherapistUserId))
        {
            programmes = programmes.Where(g => g.TherapistUserId == query.TherapistUserId);
        }
        var rows = await (
            from g in programmes
            join p in db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]) on g.PatientId equals p.Id
            orderby g.StartDate, g.Id
            select new ProgrammeRow(g.Id, g.PatientId, p.GivenName, p.FamilyName, p.PrimaryCondition, p.DateOfBirth, g.ProtocolId, g.ProtocolVersionId,
                g.ProtocolName, g.ProtocolVersionNumber, g.TherapistName, g.StartDate, g.Status, g.PausedFrom, g.DiscontinuedReason, g.EndedOn))
            .AsNoTracking().ToListAsync(cancellationToken);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var versionIds = rows.Select(r => r.ProtocolVersionId).Distinct().ToList();
        var patientIds = rows.Select(r => r.PatientId).Distinct().ToList();
        var definitions = (await db.Set<ProtocolVersion>().Where(v => versionIds.Contains(v.Id))
                .Select(v => new { v.Id, v.DefinitionJson }).AsNoTracking().ToListAsync(cancellationToken))
            .ToDictionary(v => v.Id, v => ProtocolJson.Read(v.DefinitionJson));
        var planned = (await db.Set<ScheduledSession>()
                .Where(s => ids.Contains(s.ProgrammeId) && s.Status == ScheduledSessionStatus.Planned)
                .Select(s => new PlannedRow(s.ProgrammeId, s.Sequence, s.Date, s.Week, s.DoseSequence, s.IsMakeUp, s.ReplacesSequence))
                .AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(s => s.ProgrammeId);
        var records = (await db.Set<SessionRecord>().Where(r => ids.Contains(r.ProgrammeId))
                .Select(r => new RecordRow(r.ProgrammeId, r.Sequence, r.Date, r.Status, r.PlannedMainMinutes, r.MainMinutes, r.AdverseEventsJson))
                .AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(r => r.ProgrammeId);
        var earliest = rows.Min(r => r.StartDate).AddDays(-BaselineDaysBefore);
        var results = (await (
                from r in db.Set<MeasureResult>()
                join a in db.Set<Assessment>() on r.AssessmentId equals a.Id
                where patientIds.Contains(a.PatientId) && a.Date >= earliest && r.IsComplete && r.Value != null
                    && (a.TimePoint == AssessmentTimePoint.Baseline || a.TimePoint == AssessmentTimePoint.EndOfProgramme)
                select new ResultRow(a.PatientId, a.Date, a.TimePoint, a.CreatedAt, r.MeasureCode, r.Value!.Value))
                .AsNoTracking().ToListAsync(cancellationToken))
            .ToLookup(r => r.PatientId);

        var today = clock.Today;
        return [.. rows.Select(row => Member(row, definitions[row.ProtocolVersionId], [.. planned[row.Id]], [.. records[row.Id]], [.. results[row.PatientId]], today))];
    }

    private static CohortMember Member(ProgrammeRow row, ProtocolDefinition definition, List<PlannedRow> planned, List<RecordRow> records,
        List<ResultRow> results, DateOnly today)
    {
        var end = row.Status switch
        {
            ProgrammeStatus.Completed => ProgrammeEnd.Completed,
            ProgrammeStatus.Discontinued => ProgrammeEnd.Discontinued,
            _ => ProgrammeEnd.Ongoing,
        };
        var lastDay = row.EndedOn is { } ended && ended < today ? ended : today;
        // Sessions on hold while paused are not due.
        var schedule = planned
            .Where(s => row.PausedFrom is not { } paused || s.Date < paused)
            .OrderBy(s => s.Date).ThenBy(s => s.Sequence)
            .Select(s => new PlannedSession(s.Sequence, s.Date, s.Week) { DoseSequence = s.DoseSequence, IsMakeUp = s.IsMakeUp, ReplacesSequence = s.ReplacesSequence })
            .ToList();
        var outcomes = records.Select(r => new SessionOutcome
        {
            Sequence = r.Sequence, Date = r.Date, Status = r.Status, PlannedMainMinutes = r.PlannedMainMinutes, MainMinutes = r.MainMinutes,
        }).ToList();
        var active = ProgrammeStatuses.Effective(row.Status, row.StartDate, today) == ProgrammeStatus.Active;
        var adherence = Adherence.Compute(definition, schedule, outcomes, lastDay, active, null);
        var adverse = records
            .Where(r => r.Date <= lastDay)
            .SelectMany(r => SessionJson.ReadEvents(r.AdverseEventsJson))
            .GroupBy(e => e.Type.Capitalised(), StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var changes = Changes(row, results, row.EndedOn ?? today);

        var patient = new CohortPatient(row.PatientId, end, row.DiscontinuedReason,
            adherence.AdherencePercent is { } percent ? (double)percent / 100 : null,
            (int)Math.Round(adherence.DeliveredMainMinutes, MidpointRounding.AwayFromZero),
            (int)Math.Round(adherence.PrescribedMainMinutes, MidpointRounding.AwayFromZero),
            adherence.Delivered + adherence.Extra,
            adverse,
            [.. changes.Select(c => c.Counted)]);
        return new CohortMember(row.Id, row.PatientId, $"{row.GivenName} {row.FamilyName}", row.Condition, row.ProtocolId, row.ProtocolName,
            row.VersionNumber, row.TherapistName, row.StartDate, patient, changes);
    }

    /// <summary>Each measure with a baseline and an end value in the programme's windows, interpreted for the patient.</summary>
    private static List<MemberChange> Changes(ProgrammeRow row, List<ResultRow> results, DateOnly programmeEnd)
    {
        var baselines = results
            .Where(r => r.TimePoint == AssessmentTimePoint.Baseline
                && r.Date >= row.StartDate.AddDays(-BaselineDaysBefore) && r.Date <= row.StartDate.AddDays(BaselineDaysAfter))
            .GroupBy(r => r.MeasureCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, Latest, StringComparer.OrdinalIgnoreCase);
        var ends = results
            .Where(r => r.TimePoint == AssessmentTimePoint.EndOfProgramme && r.Date > row.StartDate && r.Date <= programmeEnd.AddDays(EndDaysAfter))
            .GroupBy(r => r.MeasureCode, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, Latest, StringComparer.OrdinalIgnoreCase);
        var gaitSpeed = MeasureCatalogue.TenMetreWalkComfortable;
        decimal? baselineSpeed = baselines.TryGetValue(gaitSpeed.Code, out var speed) && MeasureValidation.Validate(gaitSpeed, speed.Value) is null
            ? gaitSpeed.Round(speed.Value)
            : null;

        var changes = new List<MemberChange>();
        foreach (var measure in MeasureCatalogue.All.Where(m => m.DerivedFrom is null))
        {
            if (!baselines.TryGetValue(measure.Code, out var baseline) || !ends.TryGetValue(measure.Code, out var last)
                || MeasureValidation.Validate(measure, baseline.Value) is not null || MeasureValidation.Validate(measure, last.Value) is not null)
            {
                continue;
            }
            // Age on the date of the end result: older-adult values apply only inside their studied age range.
            var profile = new PatientProfile(row.Condition, ConditionNames.AgeOn(row.DateOfBirth, last.Date), baselineSpeed);
            var result = ChangeInterpretation.Interpret(measure, profile, baseline.Value, last.Value);
            var mdc = Line(measure, ChangeThresholdKind.Mdc, profile, result.Baseline);
            var mcid = Line(measure, ChangeThresholdKind.Mcid, profile, result.Baseline);
            changes.Add(new MemberChange(measure.Code, (double)result.Baseline, (double)result.Latest, CohortMeasureChange.Of(result),
                mdc?.Value, mdc?.Label, mcid?.Value, mcid?.Label));
        }
        return changes;
    }

    private static ResultRow Latest(IEnumerable<ResultRow> rows) => rows.OrderBy(r => r.Date).ThenBy(r => r.CreatedAt).Last();

    /// <summary>
    /// The smallest applicable value of a kind, signed towards improvement, for the distribution chart's lines:
    /// (−3.2, "MDC 3.2 s, chronic stroke"); null when none applies.
    /// </summary>
    private static (double Value, string Label)? Line(MeasureDefinition measure, ChangeThresholdKind kind, PatientProfile profile, decimal baseline)
    {
        if (ChangeInterpretation.Applicable(measure, kind, profile, baseline).MinBy(t => t.Value) is not { } t)
        {
            return null;
        }
        var sign = measure.Direction == MeasureDirection.HigherIsBetter ? 1 : -1;
        return (sign * (double)t.Value, $"{t.DisplayName} {measure.Published(t.Value)}, {t.Population}");
    }
}
