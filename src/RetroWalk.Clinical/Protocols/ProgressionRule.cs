using System.Text.Json.Serialization;

namespace RetroWalk.Clinical.Protocols;

/// <summary>
/// How the dose moves from session to session. Every rule is bounded by the protocol's maximums
/// (maximum speed, maximum incline, ramp target). Stored as JSON with a "type" discriminator.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(NoProgression), "none")]
[JsonDerivedType(typeof(SpeedStepPerWeek), "speedStepPerWeek")]
[JsonDerivedType(typeof(SpeedStepAfterTolerated), "speedStepAfterTolerated")]
[JsonDerivedType(typeof(DurationRamp), "durationRamp")]
[JsonDerivedType(typeof(InclineStepPerWeek), "inclineStepPerWeek")]
public abstract record ProgressionRule;

/// <summary>The same dose every session.</summary>
public sealed record NoProgression : ProgressionRule;

/// <summary>Speed rises by <paramref name="StepKmh"/> at the start of each programme week after the first.</summary>
public sealed record SpeedStepPerWeek(decimal StepKmh) : ProgressionRule;

/// <summary>
/// Speed rises by <paramref name="StepKmh"/> after a session completed at or below the target RPE with no
/// adverse event. The planned dose is the start speed; the suggestion for the next session depends on history.
/// </summary>
public sealed record SpeedStepAfterTolerated(decimal StepKmh) : ProgressionRule;

[JsonConverter(typeof(JsonStringEnumConverter<RampInterval>))]
public enum RampInterval
{
    Session = 1,
    Week = 2,
}

/// <summary>
/// Main walking time rises from <paramref name="StartMinutes"/> by <paramref name="StepMinutes"/> per session or
/// per week up to <paramref name="TargetMinutes"/>, while pain does not increase (the knee-OA ramp 10 → 30 min).
/// </summary>
public sealed record DurationRamp(decimal StartMinutes, decimal TargetMinutes, decimal StepMinutes, RampInterval Per) : ProgressionRule;

/// <summary>Incline rises by <paramref name="Step"/> (in the protocol's incline unit) each programme week after the first.</summary>
public sealed record InclineStepPerWeek(decimal Step) : ProgressionRule;
