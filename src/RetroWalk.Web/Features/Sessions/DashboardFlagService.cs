using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;
using static RetroWalk.Web.Features.Sessions.ProgrammeLoading;

namespace RetroWalk.Web.Features.Sessions;

/// <summary>
/// The dashboard's flags: ongoing programmes of the clinic with a flag that needs action (two or more missed sessions in
/// a row, an adverse event in the last 7 days, or past the end date and still active), the signed-in therapist's own
/// first, then those with a recent adverse event, then the longest runs of misses.
/// <para>
/// The clinic's flagged programmes are computed once per day and then kept up to date from its audit trail
/// (<see cref="FlagSnapshots"/>): every save of clinical data appends audit entries in the same transaction, numbered in
/// commit order, so the last number says whether anything changed since, and the entries after it say which programmes
/// to recompute. A new day recomputes them all, since a planned session becomes a miss with the date alone. Each read
/// checks the last number in the database, so a save on any app instance is seen on the next read of every instance.
/// </para>
/// </summary>
public sealed class DashboardFlagService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user, FlagSnapshots snapshots)
{
    /// <summary>How many flagged programmes the dashboard lists before "Show all".</summary>
    public const int DashboardCount = 20;

    /// <summary>More changes than this since the last read recompute the whole clinic, which then costs less than following them.</summary>
    internal const int MostChangesFollowed = 500;

    private const int Chunk = 64;

    /// <summary>The flagged programmes in the dashboard's order; with <paramref name="top"/>, at most that many, and whether there are more.</summary>
    public async Task<FlagList> FlagsAsync(int? top = null, CancellationToken cancellationToken = default)
    {
        var snapshot = await CurrentAsync(cancellationToken);
        var me = user.UserId;
        var ordered = snapshot.Flags.Values
            .Select(f => f.Row with { IsMine = me is not null && f.TherapistUserId == me })
            .OrderByDescending(r => (r.IsMine, r.Flags.Contains(AdherenceFlag.RecentAdverseEvent), r.ConsecutiveMissed))
            .ThenBy(r => r.PatientName, StringComparer.CurrentCulture).ThenBy(r => r.ProgrammeId)
            .ToList();
        var limit = top ?? int.MaxValue;
        return new FlagList([.. ordered.Take(limit)], ordered.Count > limit);
    }

    /// <summary>
    /// Brings the signed-in clinic's kept flags to the clinic's current day if a dashboard of this instance read them on
    /// an earlier day (<see cref="FlagWarmer"/>); returns whether it did. A clinic never read here is left alone.
    /// </summary>
    public async Task<bool> WarmAsync(CancellationToken cancellationToken = default)
    {
        if (snapshots.Find(user.ClinicId) is not { } known)
        {
            return false;
        }
        await clock.LoadAsync(cancellationToken);
        if (known.Today >= clock.Today)
        {
            return false;
        }
        await CurrentAsync(cancellationToken);
        return true;
    }

    private async Task<FlagSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var today = clock.Today;
        // Read before the data: whatever the data read below already includes of later saves, those saves have later
        // numbers, and the next read recomputes their programmes again.
        // The chain's head row holds the clinic's last number: one row by its key, however many months the trail has.
        var chain = AuditEntry.ChainOf(user.ClinicId);
        var head = await db.Set<AuditChainHead>().Where(h => h.Chain == chain).Select(h => (long?)h.Sequence).SingleOrDefaultAsync(cancellationToken) ?? 0;
        var known = snapshots.Find(user.ClinicId);
        if (known is not null && known.Today == today && known.Head == head)
        {
            return known;
        }
        var changed = known is not null && known.Today == today && known.Head < head
            ? await ChangedProgrammesAsync(db, known.Head, cancellationToken)
            : null;
        var next = changed is not null
            ? new FlagSnapshot(today, head, await ApplyAsync(db, known!.Flags, changed, cancellationToken))
            : new FlagSnapshot(today, head, await AllAsync(db, cancellationToken));
        snapshots.Keep(user.ClinicId, next);
        return next;
    }

    /// <summary>
    /// The programmes whose flags the audit entries after <paramref name="since"/> may have changed; null when they are
    /// too many to follow or include a protocol version (all programmes on it would change).
    /// </summary>
    private static async Task<HashSet<Guid>?> ChangedProgrammesAsync(RetroWalkDbContext db, long since, CancellationToken cancellationToken)
    {
        var entries = await db.AuditEntries.Where(a => a.ChainSequence > since).OrderBy(a => a.ChainSequence)
            .Select(a => new { a.EntityType, a.EntityId }).Take(MostChangesFollowed + 1).ToListAsync(cancellationToken);
        if (entries.Count > MostChangesFollowed || entries.Any(e => e.EntityType == nameof(ProtocolVersion)))
        {
            return null;
        }
        List<Guid> Of(string type) => [.. entries.Where(e => e.EntityType == type).Select(e => e.EntityId).Distinct()];
        var sessions = Of(nameof(ScheduledSession));
        var records = Of(nameof(SessionRecord));
        var patients = Of(nameof(Patient));
        var programmes = new HashSet<Guid>(Of(nameof(Programme)));
        if (sessions.Count > 0)
        {
            programmes.UnionWith(await db.Set<ScheduledSession>().Where(s => sessions.Contains(s.Id)).Select(s => s.ProgrammeId).ToListAsync(cancellationToken));
        }
        if (records.Count > 0)
        {
            programmes.UnionWith(await db.Set<SessionRecord>().Where(r => records.Contains(r.Id)).Select(r => r.ProgrammeId).ToListAsync(cancellationToken));
        }
        if (patients.Count > 0)
        {
            programmes.UnionWith(await db.Set<Programme>().Where(g => patients.Contains(g.PatientId)).Select(g => g.Id).ToListAsync(cancellationToken));
        }
        return programmes;
    }

    /// <summary><paramref name="flags"/> with the <paramref name="changed"/> programmes evaluated again.</summary>
    private async Task<ImmutableDictionary<Guid, ClinicFlag>> ApplyAsync(RetroWalkDbContext db, ImmutableDictionary<Guid, ClinicFlag> flags,
        HashSet<Guid> changed, CancellationToken cancellationToken)
    {
        var builder = flags.ToBuilder();
        builder.RemoveRange(changed);
        await AddFlaggedAsync(db, builder, changed, cancellationToken);
        return builder.ToImmutable();
    }

    private async Task<ImmutableDictionary<Guid, ClinicFlag>> AllAsync(RetroWalkDbContext db, CancellationToken cancellationToken)
    {
        var builder = ImmutableDictionary.CreateBuilder<Guid, ClinicFlag>();
        await AddFlaggedAsync(db, builder, await CandidatesAsync(db, cancellationToken), cancellationToken);
        return builder.ToImmutable();
    }

    private async Task AddFlaggedAsync(RetroWalkDbContext db, ImmutableDictionary<Guid, ClinicFlag>.Builder flags, IEnumerable<Guid> programmes,
        CancellationToken cancellationToken)
    {
        foreach (var chunk in programmes.Chunk(Chunk))
        {
            foreach (var flag in await EvaluateAsync(db, chunk, cancellationToken))
            {
                flags[flag.Row.ProgrammeId] = flag;
            }
        }
    }

    /// <summary>
    /// The ongoing programmes that may carry a dashboard flag; a programme left out carries none. Each test reads a few
    /// index entries of one programme (by programme and date), so the query grows with the running programmes and not with
    /// their history or the clinic's finished ones: an adverse event recorded in the last 7 days; two or more possible
    /// misses (past planned sessions without a record, and records of a miss) since the last delivered session, which
    /// bounds the run of misses from above; or no planned session on or after today.
    /// </summary>
    private async Task<List<Guid>> CandidatesAsync(RetroWalkDbContext db, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var eventsFrom = today.AddDays(1 - Adherence.RecentAdverseEventDays);
        var records = db.Set<SessionRecord>().Where(r => r.Date <= today);
        var planned = db.Set<ScheduledSession>().Where(s => s.Status == ScheduledSessionStatus.Planned);
        // One row per running programme, each value a few index entries of that programme; filtered here rather than in
        // SQL, so that no look-up runs twice.
        var running = await db.Set<Programme>()
            .Where(g => ProgrammeStatuses.Ongoing.Contains(g.Status))
            .Select(g => new
            {
                g.Id,
                g.PausedFrom,
                MissesFrom = records.Where(r => r.ProgrammeId == g.Id && (r.Status == SessionStatus.Completed || r.Status == SessionStatus.Partial))
                    .Max(r => (DateOnly?)r.Date) ?? DateOnly.MinValue,
            })
            .Select(g => new
            {
                g.Id,
                RecentEvent = records.Any(r => r.ProgrammeId == g.Id && r.Date >= eventsFrom && r.AdverseEventsJson != SessionRecord.NoAdverseEventsJson),
                Misses = planned.Count(s => s.ProgrammeId == g.Id && s.Date >= g.MissesFrom && s.Date < today && (g.PausedFrom == null || s.Date < g.PausedFrom)
                        && !records.Any(r => r.ProgrammeId == g.Id && r.Sequence == s.Sequence))
                    + records.Count(r => r.ProgrammeId == g.Id && r.Date >= g.MissesFrom
                        && (r.Status == SessionStatus.Missed || r.Status == SessionStatus.CancelledByPatient)),
                LastPlanned = planned.Where(s => s.ProgrammeId == g.Id && (g.PausedFrom == null || s.Date < g.PausedFrom)).Max(s => (DateOnly?)s.Date),
            })
            .AsNoTracking().ToListAsync(cancellationToken);
        return [.. running.Where(g => g.RecentEvent || g.Misses >= 2 || g.LastPlanned < today).Select(g => g.Id)];
    }

    /// <summary>Those of the given programmes that are ongoing and that the clinical rule flags.</summary>
    private async Task<List<ClinicFlag>> EvaluateAsync(RetroWalkDbContext db, Guid[] ids, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var flagged = (await LoadAsync(db, db.Set<Programme>().Where(g => ids.Contains(g.Id) && ProgrammeStatuses.Ongoing.Contains(g.Status)), cancellationToken))
            .Select(l => (l.Programme, Summary: Summarise(l, today)))
            .Where(x => x.Summary.Flags.Any(f => f.IsDashboardFlag()))
            .ToList();
        var patientIds = flagged.Select(x => x.Programme.PatientId).ToList();
        var patients = await db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).Where(p => patientIds.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, p.RecordNumber }).ToDictionaryAsync(p => p.Id, cancellationToken);
        return [.. flagged.Select(x =>
        {
            var patient = patients[x.Programme.PatientId];
            var row = new FlaggedProgramme(x.Programme.Id, x.Programme.PatientId, patient.Name, patient.RecordNumber, x.Programme.ProtocolName,
                x.Programme.TherapistName, false, [.. x.Summary.Flags.Where(f => f.IsDashboardFlag())], x.Summary.ConsecutiveMissed,
                x.Summary.MostRecentAdverseEvent, x.Summary.EndDate);
            return new ClinicFlag(row, x.Programme.TherapistUserId);
        })];
    }
}

/// <summary>A flagged programme as the clinic sees it; whose it is decides its place for each therapist.</summary>
public sealed record ClinicFlag(FlaggedProgramme Row, string? TherapistUserId);

/// <summary>A clinic's flagged programmes on <see cref="Today"/>, as of audit entry <see cref="Head"/>.</summary>
public sealed record FlagSnapshot(DateOnly Today, long Head, ImmutableDictionary<Guid, ClinicFlag> Flags)
{
    internal bool IsNewerThan(FlagSnapshot other) => (Today, Head).CompareTo((other.Today, other.Head)) > 0;
}

/// <summary>
/// The last flag snapshot of each clinic in this app instance: one per clinic, the size of its flag list, replaced and
/// never grown (<see cref="DashboardFlagService"/>).
/// </summary>
public sealed class FlagSnapshots
{
    private readonly ConcurrentDictionary<Guid, FlagSnapshot> clinics = new();

    internal FlagSnapshot? Find(Guid clinicId) => clinics.GetValueOrDefault(clinicId);

    /// <summary>The clinics with a kept snapshot.</summary>
    internal IReadOnlyCollection<Guid> Clinics => [.. clinics.Keys];

    /// <summary>Keeps <paramref name="snapshot"/> unless a newer one was kept meanwhile.</summary>
    internal void Keep(Guid clinicId, FlagSnapshot snapshot) =>
        clinics.AddOrUpdate(clinicId, snapshot, (_, kept) => snapshot.IsNewerThan(kept) ? snapshot : kept);
}

/// <summary>
/// Evaluates each clinic's flags afresh soon after the clinic's day begins, so that the first dashboard of the day finds
/// them kept instead of evaluating every running programme while a therapist waits (about 0.2-0.4 s at 4,000 running
/// programmes). Every <see cref="Every"/> it looks at the clinics whose flags this instance keeps (those whose dashboard
/// was read here) and brings any kept on an earlier day to the clinic's today; the rest cost nothing.
/// </summary>
public sealed class FlagWarmer(IServiceScopeFactory scopes, FlagSnapshots snapshots, TimeProvider time, ILogger<FlagWarmer> logger) : BackgroundService
{
    internal static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    /// <summary>One round over the kept clinics; returns how many it brought to a new day.</summary>
    public async Task<int> WarmAllAsync(CancellationToken cancellationToken)
    {
        var warmed = 0;
        foreach (var clinicId in snapshots.Clinics)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId).Principal;
            if (await scope.ServiceProvider.GetRequiredService<DashboardFlagService>().WarmAsync(cancellationToken))
            {
                warmed++;
            }
        }
        return warmed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Every, time, stoppingToken);
            try
            {
                await WarmAllAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The dashboard evaluates the flags itself when they are not warm: nothing is lost but time.
                logger.LogWarning(ex, "Could not bring the dashboard flags to the new day; the next dashboard read will.");
            }
        }
    }
}
