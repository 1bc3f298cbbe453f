using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>
/// The result of one measure in an assessment. <see cref="Value"/> is in the measure's catalogue unit
/// (points, seconds, m/s, metres, %); it is null when an item form is incomplete, and such a result is
/// never charted as a total. Walking tests keep the distance and time the value came from.
/// </summary>
public sealed class MeasureResult : ClinicalRecord, IArchivable, IAuditLabel
{
    public Guid AssessmentId { get; set; }

    /// <summary>A <see cref="RetroWalk.Clinical.Measures.MeasureCodes"/> code.</summary>
    public string MeasureCode { get; set; } = "";

    public decimal? Value { get; set; }
    public bool IsComplete { get; set; }

    /// <summary>Item number → score (null: not scored yet), for item-scored measures.</summary>
    public SortedDictionary<int, int?>? ItemScores { get; set; }

    public decimal? DistanceMetres { get; set; }
    public decimal? TimeSeconds { get; set; }
    public string? AssistiveDevice { get; set; }
    public bool? HandrailUse { get; set; }

    /// <summary>6MWT: Enright–Sherrill predicted distance for the patient on the test date, and the percentage walked.</summary>
    public decimal? PredictedMetres { get; set; }
    public decimal? PercentOfPredicted { get; set; }

    /// <summary>Why there is no prediction, or the caveat that goes with it.</summary>
    public string? PredictionNote { get; set; }

    public DateTimeOffset? ArchivedAt { get; set; }
    public string? ArchivedBy { get; set; }

    public string AuditLabel => MeasureCode;
}

internal sealed class MeasureResultConfiguration : IEntityTypeConfiguration<MeasureResult>
{
    private static readonly JsonSerializerOptions Json = new();

    public void Configure(EntityTypeBuilder<MeasureResult> builder)
    {
        builder.ToTable("MeasureResults");
        builder.Property(r => r.MeasureCode).HasMaxLength(16).IsRequired();
        builder.Property(r => r.Value).HasPrecision(10, 4);
        builder.Property(r => r.ItemScores)
            .HasConversion(
                scores => scores == null ? null : JsonSerializer.Serialize(scores, Json),
                text => text == null ? null : JsonSerializer.Deserialize<SortedDictionary<int, int?>>(text, Json),
                new ValueComparer<SortedDictionary<int, int?>?>(
                    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
                    d => d == null ? 0 : d.Aggregate(17, (hash, kv) => HashCode.Combine(hash, kv.Key, kv.Value)),
                    d => d == null ? null : new SortedDictionary<int, int?>(d)))
            .HasMaxLength(2000);
        builder.Property(r => r.DistanceMetres).HasPrecision(7, 2);
        builder.Property(r => r.TimeSeconds).HasPrecision(7, 2);
        builder.Property(r => r.AssistiveDevice).HasMaxLength(100);
        builder.Property(r => r.PredictedMetres).HasPrecision(7, 1);
        builder.Property(r => r.PercentOfPredicted).HasPrecision(6, 1);
        builder.Property(r => r.PredictionNote).HasMaxLength(300);
        builder.Ignore(r => r.AuditLabel);
        builder.HasIndex(r => new { r.ClinicId, r.AssessmentId });
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(r => r.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
