namespace RetroWalk.Web.Data;

/// <summary>Belongs to one clinic; a global query filter hides other clinics' rows.</summary>
public interface IClinicOwned
{
    Guid ClinicId { get; set; }
}

/// <summary>Never hard-deleted by a user action; archived rows are hidden by a global query filter.</summary>
public interface IArchivable
{
    DateTimeOffset? ArchivedAt { get; set; }
    string? ArchivedBy { get; set; }
}

/// <summary>
/// A row of clinical data: owned by a clinic, audited on every create, update and archive by
/// <see cref="Auditing.AuditInterceptor"/>, and protected against lost updates by <see cref="Version"/>.
/// </summary>
public abstract class ClinicalRecord : IClinicOwned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ClinicId { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save by the audit interceptor.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}
