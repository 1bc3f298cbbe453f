using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Audit;

public sealed record AccessQuery(AccessKind? Kind = null, string? User = null, string? Target = null,
    DateOnly? From = null, DateOnly? To = null, int Skip = 0, int Take = 50, int CountUpTo = CappedCount.ListCap);

public sealed record AccessRow(DateTimeOffset At, string UserName, AccessKind Kind, string? Target, string? ClientAddress, string? CorrelationId);

/// <summary>Clinic administrators browse, filter and export their clinic's access events. Read-only.</summary>
public sealed class AccessLogService(IDbContextFactory<RetroWalkDbContext> dbFactory, ICurrentUser currentUser, AccessLog log)
{
    public async Task<PagedResult<AccessRow>> SearchAsync(AccessQuery query, CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var events = Filtered(db, query);
        var total = await CappedCount.OfAsync(events.OrderBy(e => e.At).Select(e => e.Id), query.CountUpTo, cancellationToken);
        var rows = await events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 200))
            .Select(e => new AccessRow(e.At, e.UserName, e.Kind, e.Target, e.ClientAddress, e.CorrelationId))
            .ToListAsync(cancellationToken);
        return new PagedResult<AccessRow>(rows, total.Count, total.MoreThan);
    }

    /// <summary>
    /// Every matching event as CSV (UTF-8 with its byte-order mark, RFC 4180 quoting) written to
    /// <paramref name="output"/> as it is read, so that a log of millions of events is never held in memory; the export
    /// is itself recorded once it is complete.
    /// </summary>
    public async Task ExportCsvAsync(AccessQuery query, Stream output, CancellationToken cancellationToken = default)
    {
        EnsureAdmin();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = Filtered(db, query).OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new AccessRow(e.At, e.UserName, e.Kind, e.Target, e.ClientAddress, e.CorrelationId))
            .AsAsyncEnumerable();
        var count = 0;
        await using (var csv = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true))
        {
            await csv.WriteAsync("Time (UTC),User,Event,What,Client address,Correlation id\r\n");
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                await csv.WriteAsync(string.Join(',', [
                    Quote(row.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)), Quote(row.UserName), Quote(row.Kind.ToString()),
                    Quote(row.Target), Quote(row.ClientAddress), Quote(row.CorrelationId)]) + "\r\n");
                count++;
            }
        }
        await log.RecordAsync(AccessKind.AccessLogExported, $"{count} access events", cancellationToken: cancellationToken);
    }

    private IQueryable<AccessEvent> Filtered(RetroWalkDbContext db, AccessQuery query)
    {
        var clinicId = currentUser.ClinicId;
        var events = db.Set<AccessEvent>().AsNoTracking().Where(e => e.ClinicId == clinicId);
        if (query.Kind is { } kind)
        {
            events = events.Where(e => e.Kind == kind);
        }
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            var user = query.User.Trim();
            events = events.Where(e => e.UserName.Contains(user));
        }
        if (!string.IsNullOrWhiteSpace(query.Target))
        {
            var target = query.Target.Trim();
            events = events.Where(e => e.Target != null && e.Target.Contains(target));
        }
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.At >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.At < end);
        }
        return events;
    }

    /// <summary>A spreadsheet must not run a cell as a formula (=, +, -, @ at the start).</summary>
    private static string Quote(string? value)
    {
        value ??= "";
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal))
        {
            value = "'" + value;
        }
        return "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private void EnsureAdmin()
    {
        if (!currentUser.IsClinicAdmin)
        {
            throw new UnauthorizedAccessException("Only a clinic administrator can read the access log.");
        }
    }
}
