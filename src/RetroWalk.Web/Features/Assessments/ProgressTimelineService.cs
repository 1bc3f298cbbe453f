using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>
/// The time axis of a patient's progress review besides assessments: each programme's period and the weekly
/// minutes of backward walking (<see cref="WeeklyDoseAsync"/>).
/// </summary>
public sealed class ProgressTimelineService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock)
{
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
    /// Minutes of backward walking delivered (the main part of each completed or partly completed session, planned or
    /// extra) per calendar week, Monday to Sunday, from the week the first programme started to this week; weeks without
    /// sessions are 0. A completed session recorded without minutes counts its planned minutes, as adherence does.
    /// </summary>
    public async Task<IReadOnlyList<WeeklyDose>> WeeklyDoseAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var firstStart = await db.Set<Programme>().Where(g => g.PatientId == patientId).MinAsync(g => (DateOnly?)g.StartDate, cancellationToken);
        if (firstStart is not { } start || start > today)
        {
            return [];
        }
        var delivered = await (
            from r in db.Set<SessionRecord>()
            join g in db.Set<Programme>() on r.ProgrammeId equals g.Id
            where g.PatientId == patientId && r.Date <= today
                && (r.Status == SessionStatus.Completed || r.Status == SessionStatus.Partial)
            select new { r.Date, Minutes = r.MainMinutes ?? (r.Status == SessionStatus.Completed ? r.PlannedMainMinutes : null) ?? 0m })
            .AsNoTracking().ToListAsync(cancellationToken);
        var byWeek = delivered.GroupBy(s => CalendarWeek.MondayOf(s.Date)).ToDictionary(w => w.Key, w => w.Sum(s => s.Minutes));
        var first = CalendarWeek.MondayOf(start);
        var weeks = ((CalendarWeek.MondayOf(today).DayNumber - first.DayNumber) / 7) + 1;
        return
        [
            .. Enumerable.Range(0, weeks).Select(i => first.AddDays(7 * i))
                .Select(week => new WeeklyDose(week, (int)Math.Round(byWeek.GetValueOrDefault(week), MidpointRounding.AwayFromZero))),
        ];
    }
}
