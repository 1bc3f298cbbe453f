using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace RetroWalk.Web.Data.Auditing;

/// <summary>
/// Stamps audit fields and the concurrency version on clinical records, and appends one
/// <see cref="AuditEntry"/> per created, updated, archived or restored record with its field changes.
/// Refuses hard deletes of clinical data and any change to audit entries. Then chains every audit row being added
/// (<see cref="AuditChain"/>).
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly HashSet<string> Bookkeeping =
    [
        nameof(ClinicalRecord.Version), nameof(ClinicalRecord.CreatedAt), nameof(ClinicalRecord.CreatedBy),
        nameof(ClinicalRecord.UpdatedAt), nameof(ClinicalRecord.UpdatedBy), nameof(ClinicalRecord.ClinicId),
        nameof(ClinicalRecord.Id), nameof(IArchivable.ArchivedBy),
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Audit(eventData.Context);
        if (eventData.Context is RetroWalkDbContext db)
        {
            AuditChain.Seal(db);
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Audit(eventData.Context);
        if (eventData.Context is RetroWalkDbContext db)
        {
            await AuditChain.SealAsync(db, cancellationToken);
        }
        return result;
    }

    private void Audit(DbContext? context)
    {
        if (context is not RetroWalkDbContext db)
        {
            return;
        }

        var user = db.CurrentUser;
        var now = clock.GetUtcNow();
        var entries = new List<AuditEntry>();

        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry or Features.Audit.AccessEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit entries are append-only.");
            }

            if (entry.Entity is not ClinicalRecord record)
            {
                continue;
            }

            if (entry.State == EntityState.Deleted)
            {
                throw new InvalidOperationException(
                    $"{entry.Metadata.ClrType.Name} is clinical data and cannot be deleted; archive it instead.");
            }

            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            var changes = Changes(entry);
            if (entry.State == EntityState.Modified && changes.Count == 0)
            {
                continue;
            }

            if (entry.State == EntityState.Added)
            {
                record.CreatedAt = now;
                record.CreatedBy = user.UserName;
                if (record.ClinicId == Guid.Empty)
                {
                    record.ClinicId = user.ClinicId;
                }
            }

            record.UpdatedAt = now;
            record.UpdatedBy = user.UserName;
            record.Version = Guid.NewGuid();

            entries.Add(new AuditEntry
            {
                ClinicId = record.ClinicId,
                At = now,
                UserId = user.UserId,
                UserName = user.UserName,
                EntityType = entry.Metadata.ClrType.Name,
                EntityId = record.Id,
                EntityLabel = (record as IAuditLabel)?.AuditLabel,
                Action = ActionOf(entry),
                Changes = changes,
            });
        }

        db.AuditEntries.AddRange(entries);
    }

    private static AuditAction ActionOf(EntityEntry entry)
    {
        if (entry.State == EntityState.Added)
        {
            return AuditAction.Created;
        }

        if (entry.Entity is IArchivable && entry.Property(nameof(IArchivable.ArchivedAt)) is { IsModified: true } archived)
        {
            return archived.CurrentValue is null ? AuditAction.Restored : AuditAction.Archived;
        }

        return AuditAction.Updated;
    }

    private static List<FieldChange> Changes(EntityEntry entry)
    {
        var changes = new List<FieldChange>();
        foreach (var property in entry.Properties)
        {
            if (Bookkeeping.Contains(property.Metadata.Name) || property.Metadata.IsShadowProperty())
            {
                continue;
            }

            var from = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
            var to = Format(property.CurrentValue);
            if (entry.State == EntityState.Modified && (!property.IsModified || from == to))
            {
                continue;
            }

            if (entry.State == EntityState.Added && to is null)
            {
                continue;
            }

            changes.Add(new FieldChange(property.Metadata.Name, from, to));
        }

        foreach (var complex in entry.ComplexProperties)
        {
            foreach (var property in complex.Properties)
            {
                var from = entry.State == EntityState.Added ? null : Format(property.OriginalValue);
                var to = Format(property.CurrentValue);
                if (from != to)
                {
                    changes.Add(new FieldChange($"{complex.Metadata.Name}.{property.Metadata.Name}", from, to));
                }
            }
        }

        return changes;
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // 64 and 64.0 are the same value: a database round trip must not look like a change.
        decimal m => m.ToString("0.############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        System.Collections.IEnumerable e and not string => string.Join(", ", e.Cast<object?>().Select(Format)),
        _ => value.ToString(),
    };
}

/// <summary>A short human label for audit listings, e.g. a patient's name and record number.</summary>
public interface IAuditLabel
{
    string AuditLabel { get; }
}
