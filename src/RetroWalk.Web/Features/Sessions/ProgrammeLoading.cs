using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;

namespace RetroWalk.Web.Features.Sessions;

/// <summary>
/// Programmes with their protocol, schedule and session records, read for the adherence rule, and the rule applied to
/// them: what the programme page, the reports and the dashboard flags all compute from.
/// </summary>
internal static class ProgrammeLoading
{
    internal sealed record Loaded(Programme Programme, ProtocolDefinition Definition, List<ScheduledSession> Sessions, List<SessionRecord> Records);

    internal static async Task<List<Loaded>> LoadAsync(RetroWalkDbContext db, IQueryable<Programme> programmes, CancellationToken cancellationToken)
    {
        var rows = await (from g in programmes
                          join v in db.Set<ProtocolVersion>() on g.ProtocolVersionId equals v.Id
                          select new { Programme = g, v.DefinitionJson }).AsNoTracking().ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Programme.Id).ToList();
        var sessions = (await db.Set<ScheduledSession>().AsNoTracking().Where(s => ids.Contains(s.ProgrammeId)).ToListAsync(cancellationToken))
            .ToLookup(s => s.ProgrammeId);
        var records = (await db.Set<SessionRecord>().AsNoTracking().Where(r => ids.Contains(r.ProgrammeId)).ToListAsync(cancellationToken))
            .ToLookup(r => r.ProgrammeId);
        return [.. rows.Select(r => new Loaded(r.Programme, ProtocolJson.Read(r.DefinitionJson),
            [.. sessions[r.Programme.Id].OrderBy(s => s.Date).ThenBy(s => s.Sequence)], [.. records[r.Programme.Id]]))];
    }

    internal static AdherenceSummary Summarise(Loaded loaded, DateOnly today)
    {
        var g = loaded.Programme;
        // Sessions on hold while paused are not due.
        var schedule = loaded.Sessions
            .Where(s => s.Status == ScheduledSessionStatus.Planned && (g.PausedFrom is not { } paused || s.Date < paused))
            .Select(s => s.ToPlanned()).ToList();
        var active = ProgrammeStatuses.Effective(g.Status, g.StartDate, today) == ProgrammeStatus.Active;
        return Adherence.Compute(loaded.Definition, schedule, [.. loaded.Records.Select(r => r.ToOutcome())], today, active, null);
    }
}
