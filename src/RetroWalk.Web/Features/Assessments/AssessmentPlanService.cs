using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>One planned assessment as shown: when it is due, the measures, where it stands and the link to record it.</summary>
public sealed record PlanItem(
    AssessmentPoint Point,
    string Label,
    DateOnly DueDate,
    PlannedAssessmentStatus Status,
    IReadOnlyList<string> MeasureCodes,
    string MeasuresText,
    IReadOnlyList<string> Missing,
    DateOnly? RecordedOn,
    string RecordHref)
{
    /// <summary>"Done", "Due", "Overdue", "Missed", "Upcoming".</summary>
    public string StatusText => Status.ToString();
}

/// <summary>A programme's assessment plan with its due dates; <see cref="End"/> is the end date or the last planned session.</summary>
public sealed record ProgrammeAssessmentPlan(Guid ProgrammeId, Guid PatientId, DateOnly Start, DateOnly End, IReadOnlyList<PlanItem> Items);

/// <summary>An assessment to do by the end of this week in one of the signed-in therapist's programmes.</summary>
public sealed record DueAssessment(Guid ProgrammeId, Guid PatientId, string PatientName, string RecordNumber, string ProtocolName, PlanItem Item);

/// <summary>
/// The outcome assessment plan of programmes (<see cref="AssessmentSchedule"/>) against the assessments recorded for
/// the patient. A recorded result counts only when complete; archived assessments and results do not count.
/// </summary>
public sealed class AssessmentPlanService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user)
{
    /// <summary>The plan of one programme of the user's clinic, or null.</summary>
    public async Task<ProgrammeAssessmentPlan?> GetForProgrammeAsync(Guid programmeId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programme = (await ProgrammesAsync(db, db.Set<Programme>().Where(g => g.Id == programmeId), cancellationToken)).SingleOrDefault();
        if (programme is null)
        {
            return null;
        }
        var recorded = await RecordedAsync(db, [programme.PatientId], cancellationToken);
        return Plan(programme, recorded[programme.PatientId], clock.Today);
    }

    /// <summary>
    /// Assessments still to record and due by Sunday of this week (overdue ones included until their window closes) in
    /// the programmes the signed-in therapist is responsible for: ongoing ones, and completed ones for their end and
    /// follow-up assessments. Ordered by due date, then patient.
    /// </summary>
    public async Task<IReadOnlyList<DueAssessment>> DueThisWeekForMeAsync(CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        var monday = CalendarWeek.MondayOf(today);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Set<Programme>().Where(g => g.TherapistUserId == user.UserId)
            .Where(await MayHaveWorkThisWeekAsync(db, today, monday.AddDays(6), cancellationToken));
        var programmes = await ProgrammesAsync(db, mine, cancellationToken);
        var recorded = await RecordedAsync(db, [.. programmes.Select(p => p.PatientId).Distinct()], cancellationToken);
        return
        [
            .. programmes
                .SelectMany(p => Plan(p, recorded[p.PatientId], today).Items
                    .Where(i => i.Status is PlannedAssessmentStatus.Due or PlannedAssessmentStatus.Overdue && i.DueDate <= monday.AddDays(6))
                    .Select(i => new DueAssessment(p.Id, p.PatientId, p.PatientName, p.RecordNumber, p.ProtocolName, i)))
                .OrderBy(d => d.Item.DueDate).ThenBy(d => d.PatientName, StringComparer.CurrentCulture),
        ];
    }

    /// <summary>
    /// Programmes that can have an assessment on this week's list: the ongoing ones, and the completed ones with a due
    /// date near this week. A listed assessment is due or overdue and due by Sunday, so its due date lies between
    /// <see cref="AssessmentSchedule.LateDays"/> days before today and Sunday. A completed programme's due dates are
    /// its start (baseline), start + 7·N − 1 (interim N), its end and end + 7·N (follow-up N), so its start or end date
    /// must fall in one of a few ranges: one for the start, one for the end, one per follow-up week the clinic's
    /// protocols plan. This keeps the list's cost to the therapist's current work, however many programmes ended before.
    /// </summary>
    private static async Task<Expression<Func<Programme, bool>>> MayHaveWorkThisWeekAsync(RetroWalkDbContext db, DateOnly today, DateOnly sunday,
        CancellationToken cancellationToken)
    {
        var plans = (await db.Set<ProtocolVersion>().AsNoTracking().Select(v => v.DefinitionJson).ToListAsync(cancellationToken))
            .SelectMany(json => ProtocolJson.Read(json).Outcomes).ToList();
        var earliest = today.AddDays(-AssessmentSchedule.LateDays);
        var interimWeeks = plans.Where(p => p.Point == AssessmentPoint.Interim).Select(p => Math.Max(p.Week ?? 1, 1)).DefaultIfEmpty(1).Max();
        var startFrom = earliest.AddDays(-7 * interimWeeks);
        Expression<Func<Programme, bool>> may = g => ProgrammeStatuses.Ongoing.Contains(g.Status)
            || (g.Status == ProgrammeStatus.Completed && (g.EndedOn == null || g.StartDate >= startFrom || (g.EndedOn >= earliest && g.EndedOn <= sunday)));
        foreach (var weeks in plans.Where(p => p.Point == AssessmentPoint.FollowUp).Select(p => Math.Max(p.Week ?? 0, 0)).Distinct())
        {
            var from = earliest.AddDays(-7 * weeks);
            var to = sunday.AddDays(-7 * weeks);
            may = Predicates.Or(may, g => g.Status == ProgrammeStatus.Completed && g.EndedOn >= from && g.EndedOn <= to);
        }
        return may;
    }

    /// <summary>The clinic's time point for a plan's assessment point.</summary>
    public static AssessmentTimePoint TimePointOf(AssessmentPoint point) => point switch
    {
        AssessmentPoint.Baseline => AssessmentTimePoint.Baseline,
        AssessmentPoint.Interim => AssessmentTimePoint.Interim,
        AssessmentPoint.End => AssessmentTimePoint.EndOfProgramme,
        _ => AssessmentTimePoint.FollowUp,
    };

    public static AssessmentPoint PointOf(AssessmentTimePoint timePoint) => timePoint switch
    {
        AssessmentTimePoint.Baseline => AssessmentPoint.Baseline,
        AssessmentTimePoint.Interim => AssessmentPoint.Interim,
        AssessmentTimePoint.EndOfProgramme => AssessmentPoint.End,
        _ => AssessmentPoint.FollowUp,
    };

    /// <summary>The assessment form for the patient with the time point and the measures chosen.</summary>
    public static string RecordHref(Guid patientId, AssessmentPoint point, IEnumerable<string> measureCodes) =>
        $"patients/{patientId}/assessments/new?timePoint={TimePointOf(point)}&measures={Uri.EscapeDataString(string.Join(",", measureCodes))}";

    private sealed record PlannedProgramme(
        Guid Id, Guid PatientId, string PatientName, string RecordNumber, string ProtocolName, DateOnly Start, DateOnly End, ProtocolDefinition Definition);

    private static ProgrammeAssessmentPlan Plan(PlannedProgramme p, IEnumerable<RecordedAssessment> recorded, DateOnly today)
    {
        var items = AssessmentSchedule.Evaluate(p.Definition.Outcomes, p.Start, p.End, [.. recorded], today)
            .Select(a => new PlanItem(a.Point, a.Plan.Label(), a.DueDate, a.Status, a.Plan.MeasureCodes,
                string.Join(", ", a.Plan.MeasureCodes.Select(ShortName)), [.. a.MissingMeasures.Select(ShortName)], a.LastRecordedOn,
                RecordHref(p.PatientId, a.Point, a.Status == PlannedAssessmentStatus.Done ? a.Plan.MeasureCodes : a.MissingMeasures)))
            .ToList();
        return new ProgrammeAssessmentPlan(p.Id, p.PatientId, p.Start, p.End, items);
    }

    private static string ShortName(string code) => MeasureCatalogue.TryGet(code, out var m) ? m.ShortName : code;

    /// <summary>Programmes with their plan, start and end (the end date once ended, else the last planned session).</summary>
    private static async Task<List<PlannedProgramme>> ProgrammesAsync(RetroWalkDbContext db, IQueryable<Programme> programmes, CancellationToken cancellationToken)
    {
        var rows = await (
            from g in programmes
            join p in db.Set<Patient>() on g.PatientId equals p.Id
            join v in db.Set<ProtocolVersion>() on g.ProtocolVersionId equals v.Id
            select new
            {
                g.Id, g.PatientId, PatientName = p.GivenName + " " + p.FamilyName, p.RecordNumber, g.ProtocolName, g.StartDate, g.EndedOn,
                LastSession = db.Set<ScheduledSession>().Where(s => s.ProgrammeId == g.Id && s.Status == ScheduledSessionStatus.Planned).Max(s => (DateOnly?)s.Date),
                v.DefinitionJson,
            }).AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => new PlannedProgramme(r.Id, r.PatientId, r.PatientName, r.RecordNumber, r.ProtocolName, r.StartDate,
            r.EndedOn ?? r.LastSession ?? r.StartDate, ProtocolJson.Read(r.DefinitionJson)))];
    }

    /// <summary>Each patient's assessments with the codes of their complete results.</summary>
    private static async Task<ILookup<Guid, RecordedAssessment>> RecordedAsync(RetroWalkDbContext db, List<Guid> patientIds, CancellationToken cancellationToken)
    {
        var rows = await (
            from a in db.Set<Assessment>()
            join r in db.Set<MeasureResult>() on a.Id equals r.AssessmentId
            where patientIds.Contains(a.PatientId) && r.IsComplete
            select new { a.Id, a.PatientId, a.Date, a.TimePoint, r.MeasureCode }).AsNoTracking().ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Id)
            .Select(g => (g.First().PatientId, Recorded: new RecordedAssessment(g.First().Date, PointOf(g.First().TimePoint), [.. g.Select(r => r.MeasureCode)])))
            .ToLookup(x => x.PatientId, x => x.Recorded);
    }
}
