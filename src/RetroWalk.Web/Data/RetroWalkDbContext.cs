using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Data;

public sealed class RetroWalkDbContext(DbContextOptions<RetroWalkDbContext> options, ICurrentUser currentUser)
    : IdentityDbContext<ApplicationUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    /// <summary>Named query filters; ignore one with <c>IgnoreQueryFilters([QueryFilters.Archived])</c>.</summary>
    public static class QueryFilters
    {
        public const string Clinic = "Clinic";
        public const string Archived = "Archived";
    }

    private const int UserNameMaxLength = 256;

    public ICurrentUser CurrentUser { get; } = currentUser;

    /// <summary>Read by the clinic query filter on every query; a user without a clinic sees nothing.</summary>
    private Guid CurrentClinicId => CurrentUser.ClinicId;

    /// <summary>The Identity table layout; the app and the design-time factory both configure it.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    public DbSet<Clinic> Clinics => Set<Clinic>();
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The data-protection key ring (sign-in cookies, antiforgery), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Saves; a save that only lost the race for an audit chain's head (another save appended to the same chain
    /// first) is tried again on the new head, so that concurrent writers never fork or break a chain.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < ChainAttempts && AuditChain.IsChainConflict(ex))
            {
                AuditChain.Forget(this);
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return base.SaveChanges(acceptAllChangesOnSuccess);
            }
            catch (DbUpdateException ex) when (attempt < ChainAttempts && AuditChain.IsChainConflict(ex))
            {
                AuditChain.Forget(this);
            }
        }
    }

    private const int ChainAttempts = 20;

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(RetroWalkDbContext).Assembly);
        DatabaseProvider.Of(Database).ConfigureModel(builder);

        builder.Entity<ApplicationUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne<Clinic>().WithMany().HasForeignKey(u => u.ClinicId).OnDelete(DeleteBehavior.Restrict);
        });

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => t.ClrType.IsClass && !t.IsOwned()))
        {
            var type = entityType.ClrType;
            if (typeof(ClinicalRecord).IsAssignableFrom(type))
            {
                // Every clinical record: who wrote it, and the optimistic concurrency token.
                builder.Entity(type).Property(nameof(ClinicalRecord.CreatedBy)).HasMaxLength(UserNameMaxLength);
                builder.Entity(type).Property(nameof(ClinicalRecord.UpdatedBy)).HasMaxLength(UserNameMaxLength);
                builder.Entity(type).Property(nameof(ClinicalRecord.Version)).IsConcurrencyToken();
            }
            if (typeof(IArchivable).IsAssignableFrom(type))
            {
                builder.Entity(type).Property(nameof(IArchivable.ArchivedBy)).HasMaxLength(UserNameMaxLength);
            }
            if (typeof(IClinicOwned).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(QueryFilters.Clinic, ClinicFilter(type));
            }
            if (typeof(IArchivable).IsAssignableFrom(type))
            {
                builder.Entity(type).HasQueryFilter(QueryFilters.Archived, NotArchivedFilter(type));
            }
        }
    }

    private LambdaExpression ClinicFilter(Type type)
    {
        // e => e.ClinicId == this.CurrentClinicId; EF evaluates the context member per query.
        var entity = Expression.Parameter(type, "e");
        var clinicId = Expression.Property(entity, nameof(IClinicOwned.ClinicId));
        var current = Expression.Property(Expression.Constant(this), nameof(CurrentClinicId));
        return Expression.Lambda(Expression.Equal(clinicId, current), entity);
    }

    private static LambdaExpression NotArchivedFilter(Type type)
    {
        var entity = Expression.Parameter(type, "e");
        var archivedAt = Expression.Property(entity, nameof(IArchivable.ArchivedAt));
        return Expression.Lambda(Expression.Equal(archivedAt, Expression.Constant(null, typeof(DateTimeOffset?))), entity);
    }
}
