using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Programs;

namespace RetroWalk.Web.Features.Sessions;

/// <summary>
/// What happened in one treadmill session of a programme: a planned session (<see cref="Sequence"/>) or an unplanned
/// extra one (no sequence). Speeds in km/h, incline in <see cref="InclineUnit"/>, BP in mmHg, heart rate in bpm.
/// The planned dose at the time of recording is kept with it, so later changes to the plan do not rewrite history.
/// </summary>
public sealed class SessionRecord : ClinicalRecord, IAuditLabel
{
    public Guid ProgrammeId { get; set; }

    /// <summary>The planned session recorded; null for an unplanned extra session.</summary>
    public int? Sequence { get; set; }

    public DateOnly Date { get; set; }
    public TimeOnly? StartTime { get; set; }
    public SessionStatus Status { get; set; }

    public int? RestingHeartRate { get; set; }
    public int? RestingSystolic { get; set; }
    public int? RestingDiastolic { get; set; }
    public decimal? PainBefore { get; set; }

    /// <summary>False when a pre-session check failed: the session did not go ahead.</summary>
    public bool ScreeningPassed { get; set; } = true;

    /// <summary>Why the screening failed, in words.</summary>
    public string? ScreeningReason { get; set; }

    public decimal? PlannedSpeedKmh { get; set; }
    public decimal? PlannedMainMinutes { get; set; }

    public decimal? WarmUpMinutes { get; set; }
    public decimal? MainMinutes { get; set; }
    public decimal? CoolDownMinutes { get; set; }
    public decimal? StartSpeedKmh { get; set; }

    /// <summary>Speed at the end of the main part (the working speed).</summary>
    public decimal? EndSpeedKmh { get; set; }

    public decimal? Incline { get; set; }
    public InclineUnit InclineUnit { get; set; } = InclineUnit.Degrees;
    public HandrailSupport? Handrail { get; set; }
    public bool? Harness { get; set; }

    public decimal? Rpe { get; set; }
    public int? PeakHeartRate { get; set; }
    public int? HeartRateAfter { get; set; }
    public int? SystolicAfter { get; set; }
    public int? DiastolicAfter { get; set; }
    public decimal? PainAfter { get; set; }

    /// <summary>What <see cref="AdverseEventsJson"/> holds when no adverse event was recorded.</summary>
    public const string NoAdverseEventsJson = "[]";

    /// <summary>The adverse events as JSON text (type + note), so the audit trail shows them in full.</summary>
    public string AdverseEventsJson { get; private set; } = NoAdverseEventsJson;

    public IReadOnlyList<AdverseEvent> AdverseEvents
    {
        get => SessionJson.ReadEvents(AdverseEventsJson);
        set => AdverseEventsJson = SessionJson.Write(value);
    }

    public string? Notes { get; set; }

    /// <summary>Made by the form when it opens: a repeated save with the same key returns this record instead of a second one.</summary>
    public Guid IdempotencyKey { get; set; }

    public string AuditLabel => Sequence is { } s ? $"Session {s} record, {Date:yyyy-MM-dd}" : $"Extra session record, {Date:yyyy-MM-dd}";

    public SessionOutcome ToOutcome() => new()
    {
        Sequence = Sequence,
        Date = Date,
        Status = Status,
        PlannedMainMinutes = PlannedMainMinutes,
        PlannedSpeedKmh = PlannedSpeedKmh,
        WarmUpMinutes = WarmUpMinutes,
        MainMinutes = MainMinutes,
        CoolDownMinutes = CoolDownMinutes,
        SpeedKmh = EndSpeedKmh ?? StartSpeedKmh,
        Incline = Incline,
        InclineUnit = InclineUnit,
        Handrail = Handrail,
        Harness = Harness,
        Rpe = Rpe,
        RestingHeartRate = RestingHeartRate,
        PeakHeartRate = PeakHeartRate,
        HeartRateAfter = HeartRateAfter,
        RestingSystolic = RestingSystolic,
        RestingDiastolic = RestingDiastolic,
        PeakSystolic = SystolicAfter,
        PeakDiastolic = DiastolicAfter,
        PainBefore = PainBefore,
        PainAfter = PainAfter,
        AdverseEvents = AdverseEvents,
        Notes = Notes,
    };
}

public enum PrescriptionChoice
{
    Accepted = 1,
    Overridden = 2,
}

/// <summary>
/// The therapist's decision on the suggested dose of planned session <see cref="ForSequence"/>: the suggestion with its
/// reasons, and the values used (the suggestion when accepted, the therapist's own when overridden).
/// </summary>
public sealed class PrescriptionDecision : ClinicalRecord, IAuditLabel
{
    public Guid ProgrammeId { get; set; }
    public int ForSequence { get; set; }

    /// <summary>The session record the suggestion followed, if any.</summary>
    public Guid? AfterRecordId { get; set; }

    public ProgressionAction Action { get; set; }
    public decimal SuggestedSpeedKmh { get; set; }
    public decimal SuggestedIncline { get; set; }
    public decimal SuggestedMainMinutes { get; set; }
    public InclineUnit InclineUnit { get; set; } = InclineUnit.Degrees;

    /// <summary>The reasons, one a line.</summary>
    public string Reasons { get; set; } = "";

    public PrescriptionChoice Choice { get; set; }
    public decimal SpeedKmh { get; set; }
    public decimal Incline { get; set; }
    public decimal MainMinutes { get; set; }
    public string? OverrideReason { get; set; }
    public string DecidedBy { get; set; } = "";

    public string AuditLabel => $"Prescription for session {ForSequence} ({Choice.ToString().ToLowerInvariant()})";
}

/// <summary>The JSON form of a session's adverse events.</summary>
public static class SessionJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(IReadOnlyList<AdverseEvent> events) => JsonSerializer.Serialize(events, Options);

    public static IReadOnlyList<AdverseEvent> ReadEvents(string json) =>
        JsonSerializer.Deserialize<List<AdverseEvent>>(json, Options) ?? [];
}

internal sealed class SessionRecordConfiguration : IEntityTypeConfiguration<SessionRecord>
{
    public void Configure(EntityTypeBuilder<SessionRecord> builder)
    {
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.InclineUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.Handrail).HasConversion<string>().HasMaxLength(16);
        builder.Property(s => s.ScreeningReason).HasMaxLength(2000);
        foreach (var name in new[]
        {
            nameof(SessionRecord.PlannedSpeedKmh), nameof(SessionRecord.StartSpeedKmh), nameof(SessionRecord.EndSpeedKmh),
        })
        {
            builder.Property(name).HasPrecision(6, 3);
        }
        foreach (var name in new[]
        {
            nameof(SessionRecord.PlannedMainMinutes), nameof(SessionRecord.WarmUpMinutes), nameof(SessionRecord.MainMinutes),
            nameof(SessionRecord.CoolDownMinutes), nameof(SessionRecord.Incline), nameof(SessionRecord.Rpe),
            nameof(SessionRecord.PainBefore), nameof(SessionRecord.PainAfter),
        })
        {
            builder.Property(name).HasPrecision(6, 2);
        }
        builder.Property(s => s.AdverseEventsJson).HasMaxLength(8000).IsRequired();
        builder.Property(s => s.Notes).HasMaxLength(4000);
        builder.Ignore(s => s.AdverseEvents);
        builder.Ignore(s => s.AuditLabel);
        builder.HasIndex(s => new { s.ClinicId, s.IdempotencyKey }).IsUnique();
        // One record per planned session; extra sessions (no sequence) are not limited.
        builder.HasIndex(s => new { s.ProgrammeId, s.Sequence }).IsUnique();
        builder.HasIndex(s => new { s.ClinicId, s.Date });
        // A programme's records by date: the dashboard flags read the last delivered one and the last week's.
        builder.HasIndex(s => new { s.ProgrammeId, s.Date });
        builder.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(s => s.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PrescriptionDecisionConfiguration : IEntityTypeConfiguration<PrescriptionDecision>
{
    public void Configure(EntityTypeBuilder<PrescriptionDecision> builder)
    {
        builder.Property(d => d.Action).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Choice).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.InclineUnit).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.SuggestedSpeedKmh).HasPrecision(6, 3);
        builder.Property(d => d.SpeedKmh).HasPrecision(6, 3);
        builder.Property(d => d.SuggestedIncline).HasPrecision(6, 2);
        builder.Property(d => d.Incline).HasPrecision(6, 2);
        builder.Property(d => d.SuggestedMainMinutes).HasPrecision(6, 2);
        builder.Property(d => d.MainMinutes).HasPrecision(6, 2);
        builder.Property(d => d.Reasons).HasMaxLength(4000).IsRequired();
        builder.Property(d => d.OverrideReason).HasMaxLength(1000);
        builder.Property(d => d.DecidedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(d => d.AuditLabel);
        builder.HasIndex(d => new { d.ProgrammeId, d.ForSequence });
        builder.HasIndex(d => d.ClinicId);
        builder.HasOne<Programme>().WithMany().HasForeignKey(d => d.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(d => d.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
