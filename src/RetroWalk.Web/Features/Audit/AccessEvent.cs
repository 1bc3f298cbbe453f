using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Web.Data.Auditing;

namespace RetroWalk.Web.Features.Audit;

/// <summary>What was done: a read of patient data, a download, or a sign-in or account event.</summary>
public enum AccessKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    SignedOut = 4,
    PatientViewed = 10,
    ReportDownloaded = 11,
    BatchDownloaded = 12,
    AccessLogExported = 13,
    FhirRecordRead = 14,
    FhirBulkExportDownloaded = 15,
    CsvExportDownloaded = 16,
    ResearchExportDownloaded = 17,
    AccountCreated = 20,
    AccountDeactivated = 21,
    AccountReactivated = 22,
    RoleChanged = 23,
    PasswordChanged = 24,
    PasswordReset = 25,
    AccountUnlocked = 26,
}

public static class AccessKinds
{
    /// <summary>How people read an event's kind.</summary>
    public static string Label(AccessKind kind) => kind switch
    {
        AccessKind.SignedIn => "Signed in",
        AccessKind.SignInFailed => "Sign-in failed",
        AccessKind.LockedOut => "Locked out",
        AccessKind.SignedOut => "Signed out",
        AccessKind.PatientViewed => "Patient record viewed",
        AccessKind.ReportDownloaded => "Report downloaded",
        AccessKind.BatchDownloaded => "Report batch downloaded",
        AccessKind.AccessLogExported => "Access log exported",
        AccessKind.AccountCreated => "Account created",
        AccessKind.AccountDeactivated => "Account deactivated",
        AccessKind.AccountReactivated => "Account reactivated",
        AccessKind.RoleChanged => "Role changed",
        AccessKind.PasswordChanged => "Password changed",
        AccessKind.PasswordReset => "Password reset",
        AccessKind.AccountUnlocked => "Account unlocked",
        _ => kind.ToString(),
    };
}

/// <summary>
/// One access to patient data or one security event: who, for which clinic, when, from which address, what.
/// Append-only like the clinical audit trail (the audit interceptor refuses changes and deletions).
/// A failed sign-in for an address without an account belongs to no clinic.
/// </summary>
public sealed class AccessEvent : IChainedRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset At { get; set; }
    public Guid? ClinicId { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? ClientAddress { get; set; }
    public AccessKind Kind { get; set; }

    /// <summary>What was accessed, for people: a patient's name and record number, a file name, an account's e-mail.</summary>
    public string? Target { get; set; }

    /// <summary>The accessed record's id, when it has one.</summary>
    public string? TargetId { get; set; }

    /// <summary>The request's trace id, to find the same event in the logs.</summary>
    public string? CorrelationId { get; set; }

    public long? ChainSequence { get; set; }
    public string? PreviousHash { get; set; }
    public string? Hash { get; set; }

    /// <summary>Events of no clinic (a failed sign-in for an unknown address) have a chain of their own.</summary>
    public string ChainName => $"AccessEvents/{AuditChain.Id(ClinicId) ?? "none"}";

    public IEnumerable<string?> CanonicalFields() =>
    [
        AuditChain.Id(Id), AuditChain.Time(At), AuditChain.Id(ClinicId), UserId, UserName, ClientAddress,
        Kind.ToString(), Target, TargetId, CorrelationId,
    ];
}

internal sealed class AccessEventConfiguration : IEntityTypeConfiguration<AccessEvent>
{
    public void Configure(EntityTypeBuilder<AccessEvent> builder)
    {
        builder.ToTable("AccessEvents");
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.ClientAddress).HasMaxLength(64);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.Target).HasMaxLength(300);
        builder.Property(e => e.TargetId).HasMaxLength(100);
        builder.Property(e => e.CorrelationId).HasMaxLength(64);
        builder.HasIndex(e => new { e.ClinicId, e.At });
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.ClinicId, e.ChainSequence });
    }
}
