using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;

namespace RetroWalk.Web.Features.Protocols;

/// <summary>
/// A clinic's own retro-walking protocol. Its dose lives in numbered <see cref="ProtocolVersion"/>s: a programme
/// keeps the version it was assigned with, so an edit of a version in use creates the next version.
/// </summary>
public sealed class Protocol : ClinicalRecord, IArchivable, IAuditLabel
{
    public string Name { get; set; } = "";
    public Condition? Indication { get; set; }

    /// <summary>The built-in template it was cloned from, if any (e.g. "chronic-stroke-4wk").</summary>
    public string? SourceTemplateKey { get; set; }

    public int CurrentVersionNumber { get; set; } = 1;

    public DateTimeOffset? ArchivedAt { get; set; }
    public string? ArchivedBy { get; set; }

    public string AuditLabel => Name;
}

/// <summary>One version of a protocol's definition, stored as JSON text (provider-neutral, no jsonb).</summary>
public sealed class ProtocolVersion : ClinicalRecord, IAuditLabel
{
    public Guid ProtocolId { get; set; }
    public int VersionNumber { get; set; }

    /// <summary>The definition as JSON; the audit trail records it as text, so every changed field is visible there.</summary>
    public string DefinitionJson { get; private set; } = "{}";

    public ProtocolDefinition Definition
    {
        get => ProtocolJson.Read(DefinitionJson);
        set => DefinitionJson = ProtocolJson.Write(value);
    }

    public string AuditLabel => $"{ProtocolJson.Read(DefinitionJson).Name}, version {VersionNumber}";
}

/// <summary>The JSON form of a <see cref="ProtocolDefinition"/> (the clinical records round-trip through System.Text.Json).</summary>
public static class ProtocolJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Write(ProtocolDefinition definition) => JsonSerializer.Serialize(definition, Options);

    public static ProtocolDefinition Read(string json) =>
        JsonSerializer.Deserialize<ProtocolDefinition>(json, Options) ?? new ProtocolDefinition();
}

internal sealed class ProtocolConfiguration : IEntityTypeConfiguration<Protocol>
{
    public void Configure(EntityTypeBuilder<Protocol> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(ProtocolLimits.NameMaxLength).IsRequired();
        builder.Property(p => p.Indication).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.SourceTemplateKey).HasMaxLength(64);
        builder.Ignore(p => p.AuditLabel);
        builder.HasIndex(p => new { p.ClinicId, p.Name });
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(p => p.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProtocolVersionConfiguration : IEntityTypeConfiguration<ProtocolVersion>
{
    public void Configure(EntityTypeBuilder<ProtocolVersion> builder)
    {
        builder.Property(v => v.DefinitionJson).IsRequired();
        builder.Ignore(v => v.Definition);
        builder.Ignore(v => v.AuditLabel);
        builder.HasIndex(v => new { v.ProtocolId, v.VersionNumber }).IsUnique();
        builder.HasIndex(v => v.ClinicId);
        builder.HasOne<Protocol>().WithMany().HasForeignKey(v => v.ProtocolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Clinics.Clinic>().WithMany().HasForeignKey(v => v.ClinicId).OnDelete(DeleteBehavior.Restrict);
    }
}
