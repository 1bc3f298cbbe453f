using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Audit;

public sealed record AuditQuery(
    string? EntityType = null, string? User = null, string? Search = null,
    DateOnly? From = null, DateOnly? To = null, Guid? EntityId = null, int Skip = 0, int Take = 50,
    int CountUpTo = CappedCount.ListCap);

public sealed record AuditRow(
    Guid Id, DateTimeOffset At, string UserName, string EntityType, Guid EntityId, string? EntityLabel,
    AuditAction Action, IReadOnlyList<FieldChange> Changes);

/// <summary>Read-only: the audit trail has no update or delete path.</summary>
public sealed class AuditLogService(IDbContextFactory<RetroWalkDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<PagedResult<AuditRow>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        if (!currentUser.IsClinicAdmin)
        {
            throw new UnauthorizedAccessException("Only a clinic administrator can browse the audit trail.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.EntityType))
        {
            entries = entries.Where(e => e.EntityType == query.EntityType);
        }
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            entries = entries.Where(e => e.UserName == query.User);
        }
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            entries = entries.Where(e => e.EntityLabel != null && e.EntityLabel.Contains(term));
        }
        if (query.EntityId is { } entityId)
        {
            entries = entries.Where(e => e.EntityId == entityId);
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }

        var total = await CappedCount.OfAsync(entries.OrderBy(e => e.At).Select(e => e.Id), query.CountUpTo, cancellationToken);
        var rows = await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditRow>(
            rows.Select(e => new AuditRow(e.Id, e.At, e.UserName, e.EntityType, e.EntityId, e.EntityLabel, e.Action, e.Changes)).ToList(),
            total.Count, MoreThanTotal: total.MoreThan);
    }

    public async Task<IReadOnlyList<string>> EntityTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AuditEntries.Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(cancellationToken);
    }
}
