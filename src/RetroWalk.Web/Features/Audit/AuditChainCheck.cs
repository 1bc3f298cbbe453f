using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Audit;

/// <summary>Where a chain stops being intact: the row (by its place in the chain) and why.</summary>
public sealed record ChainBreak(long Sequence, Guid? RowId, DateTimeOffset? At, string Reason);

/// <summary>
/// One chain checked: how many chained rows, how many were written before chaining began (not covered), the last
/// hash (worth writing down elsewhere: a rewrite of the whole chain would change it), the first break, if any, and how
/// many of its rows are archived (checked when they were archived, and now through their links).
/// </summary>
public sealed record ChainReport(string Chain, long Rows, long Unchained, string LastHash, ChainBreak? FirstBreak, long Archived = 0)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Recomputes the audit chains (<see cref="AuditChain"/>) from the stored rows and reports the first break of each:
/// a row changed after it was written, a row removed, rows out of order, or rows missing from the end. Rows archived
/// (<see cref="AuditArchive"/>) are not in the database: each run of them is stood in for by its last row's hash
/// (<see cref="AuditArchiveLink"/>), so the live rows after it verify; any other missing row is a break.
/// </summary>
public sealed class AuditChainCheck(IDbContextFactory<RetroWalkDbContext> dbFactory, ICurrentUser currentUser)
{
    /// <summary>The signed-in administrator's clinic: its audit trail and its access log.</summary>
    public Task<IReadOnlyList<ChainReport>> CheckClinicAsync(CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsClinicAdmin)
        {
            throw new UnauthorizedAccessException("Only a clinic administrator can check the audit chain.");
        }
        return CheckAsync(currentUser.ClinicId, cancellationToken);
    }

    /// <summary>Every chain of the database (the <c>verify-audit</c> command), or one clinic's.</summary>
    public async Task<IReadOnlyList<ChainReport>> CheckAsync(Guid? clinicId = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var audit = db.AuditEntries.IgnoreQueryFilters().AsNoTracking();
        var access = db.Set<AccessEvent>().AsNoTracking();
        List<Guid> auditClinics;
        List<Guid?> accessClinics;
        if (clinicId is { } only)
        {
            auditClinics = [only];
            accessClinics = [only];
        }
        else
        {
            auditClinics = await audit.Select(e => e.ClinicId).Distinct().ToListAsync(cancellationToken);
            accessClinics = await access.Select(e => e.ClinicId).Distinct().ToListAsync(cancellationToken);
        }

        var reports = new List<ChainReport>();
        foreach (var clinic in auditClinics.Order())
        {
            var rows = audit.Where(e => e.ClinicId == clinic);
            reports.Add(await CheckChainAsync(db, new AuditEntry { ClinicId = clinic }.ChainName, rows, cancellationToken));
        }
        foreach (var clinic in accessClinics.Order())
        {
            var rows = access.Where(e => e.ClinicId == clinic);
            reports.Add(await CheckChainAsync(db, new AccessEvent { ClinicId = clinic }.ChainName, rows, cancellationToken));
        }
        return reports;
    }

    private static async Task<ChainReport> CheckChainAsync<T>(RetroWalkDbContext db, string chain, IQueryable<T> rows, CancellationToken cancellationToken)
        where T : class, IChainedRecord
    {
        var unchained = await rows.LongCountAsync(r => r.ChainSequence == null, cancellationToken);
        var head = await db.Set<AuditChainHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Chain == chain, cancellationToken);
        var archived = await db.Set<AuditArchiveLink>().AsNoTracking().Where(l => l.Chain == chain)
            .ToDictionaryAsync(l => l.Sequence, l => l.Hash, cancellationToken);
        long expected = 1, live = 0, skipped = 0;
        var previous = AuditChain.Genesis;
        await foreach (var row in rows.Where(r => r.ChainSequence != null).OrderBy(r => r.ChainSequence)
            .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (row.ChainSequence > expected && archived.TryGetValue(row.ChainSequence.Value - 1, out var archivedHash))
            {
                skipped += row.ChainSequence.Value - expected;
                expected = row.ChainSequence.Value;
                previous = archivedHash;
            }
            var reason = row.ChainSequence > expected ? $"row {expected} is missing (the next is row {row.ChainSequence})"
                : row.ChainSequence < expected ? $"row {row.ChainSequence} appears twice"
                : row.PreviousHash != previous ? "it does not follow the row before it (its previous hash differs)"
                : AuditChain.HashOf(row) != row.Hash ? "it was changed after it was written (its hash does not match its content)"
                : null;
            if (reason is not null)
            {
                return new ChainReport(chain, live, unchained, previous, new ChainBreak(expected, row.Id, row.At, reason), skipped);
            }
            previous = row.Hash!;
            expected++;
            live++;
        }
        if (head is not null && head.Sequence >= expected && archived.TryGetValue(head.Sequence, out var lastArchived))
        {
            skipped += head.Sequence - expected + 1;
            expected = head.Sequence + 1;
            previous = lastArchived;
        }
        var last = expected - 1;
        if (head is not null && (head.Sequence != last || head.LastHash != previous))
        {
            return new ChainReport(chain, live, unchained, previous, new ChainBreak(last + 1, null, null,
                $"rows {last + 1} to {head.Sequence} are missing from the end (the chain had reached row {head.Sequence})"), skipped);
        }
        return new ChainReport(chain, live, unchained, previous, null, skipped);
    }
}
