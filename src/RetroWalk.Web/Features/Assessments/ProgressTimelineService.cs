using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>
/// The time axis of a patient's progress review besides assessments: each programme's period and the weekly
/// minutes of backward walking (<see cref="WeeklyDoseAsync"/>).
/// </summary>
public sealed class ProgressTimelineService(IDbContextFactory<RetroWalkDbContext> dbFactory, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>
    /// The patient's programmes (oldest first) from start to end, where the end is the date the programme ended or,
    /// while it runs, its last planned session; and the weekly dose. Empty for a patient without programmes.
    /// </summary>
    public async Task<ProgressTimeline> GetAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var programmes = await db.Set<Programme>().Where(g => g.PatientId == patientId).OrderBy(g => g.StartDate)
            .Select(g => new
            {
                g.ProtocolName, g.StartDate, g.EndedOn,
                LastSession = db.Set<ScheduledSession>().Where(s => s.ProgrammeId == g.Id && s.Status == ScheduledSessionStatus.Planned).Max(s => (DateOnly?)s.Date),
            }).AsNoTracking().ToListAsync(cancellationToken);
        if (programmes.Count == 0)
        {
            return ProgressTimeline.None;
        }
        var periods = programmes.Select(p => new ProgrammePeriod(p.ProtocolName, p.StartDate, p.EndedOn ?? p.LastSession)).ToList();
        return new ProgressTimeline(periods, await WeeklyDoseAsync(patientId, cancellationToken));
    }

    /// <summary>
    /// Minutes of backward walking (the main part of each session) per calendar week, Monday to Sunday, up to today,
    /// across the patient's programmes; weeks without sessions between the first and the last are 0.
    /// <para>Uses the PRESCRIBED main minutes of the planned (not cancelled) sessions dated up to today, leaving out
    /// sessions on hold while a programme is paused, until delivered minutes from session records are available;
    /// then this method alone changes to sum the delivered minutes.</para>
    /// </summary>
    public async Task<IReadOnlyList<WeeklyDose>> WeeklyDoseAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var today = Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = await (
            from s in db.Set<ScheduledSession>()
            join g in db.Set<Programme>() on s.ProgrammeId equals g.Id
            where g.PatientId == patientId && s.Status == ScheduledSessionStatus.Planned && s.Date <= today
                && (g.PausedFrom == null || s.Date < g.PausedFrom)
            select new { s.Date, s.MainMinutes }).AsNoTracking().ToListAsync(cancellationToken);
        if (sessions.Count == 0)
        {
            return [];
        }
        var byWeek = sessions.GroupBy(s => AssessmentSchedule.MondayOf(s.Date)).ToDictionary(w => w.Key, w => w.Sum(s => s.MainMinutes));
        var first = byWeek.Keys.Min();
        var weeks = ((byWeek.Keys.Max().DayNumber - first.DayNumber) / 7) + 1;
        return
        [
            .. Enumerable.Range(0, weeks).Select(i => first.AddDays(7 * i))
                .Select(week => new WeeklyDose(week, (int)Math.Round(byWeek.GetValueOrDefault(week), MidpointRounding.AwayFromZero))),
        ];
    }
}
