using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data.Providers;

namespace RetroWalk.Web.Data.Auditing;

/// <summary>
/// Keeps the audit trail's coming months ready where the trail is partitioned by month (PostgreSQL): the current month
/// and the next <see cref="Ahead"/> have their partitions, so that rows do not land in the default partition, from
/// which a month cannot be archived whole. Run when the app starts and every <see cref="Every"/> after; every
/// instance may run it, the database makes each month once. Migrating prepares them too.
/// </summary>
public sealed class AuditMonths(IServiceScopeFactory scopes, TimeProvider time, ILogger<AuditMonths> logger) : BackgroundService
{
    internal const int Ahead = 2;
    internal static readonly TimeSpan Every = TimeSpan.FromHours(6);

    /// <summary>The first instants (UTC) of the current month and the next <see cref="Ahead"/>.</summary>
    public static IEnumerable<DateTimeOffset> Coming(DateTimeOffset now)
    {
        var month = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        return Enumerable.Range(0, Ahead + 1).Select(month.AddMonths);
    }

    /// <summary>Makes the missing partitions of the coming months; returns how many it made.</summary>
    public static async Task<int> PrepareAsync(RetroWalkDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var provider = DatabaseProvider.Of(db.Database);
        var made = 0;
        foreach (var month in Coming(now))
        {
            if (provider.PrepareAuditMonth(month) is { } prepare && await db.Database.SqlQuery<bool>(prepare).SingleAsync(cancellationToken))
            {
                made++;
            }
        }
        return made;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(stoppingToken);
                var made = await PrepareAsync(db, time.GetUtcNow(), stoppingToken);
                if (made > 0)
                {
                    logger.LogInformation("Prepared {Count} month(s) of the audit trail.", made);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database not yet migrated, or away for a while: the next round tries again; saves never depend on it.
                logger.LogWarning(ex, "Could not prepare the audit trail's coming months; trying again in {Every}.", Every);
            }
            await Task.Delay(Every, time, stoppingToken);
        }
    }
}
