using System.Globalization;
using System.Text.Json.Serialization;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Sessions;

[JsonConverter(typeof(JsonStringEnumConverter<ProgressionAction>))]
public enum ProgressionAction
{
    /// <summary>The planned dose applies (no rule, or a per-week plan after a tolerated session).</summary>
    Planned = 1,

    /// <summary>No delivered session yet: start values.</summary>
    Start = 2,

    Increase = 3,

    Hold = 4,

    /// <summary>Progression would increase the dose but it is already at the protocol's maximum.</summary>
    AtMaximum = 5,
}

/// <summary>Suggested dose for the next session with the reasons, for the therapist to accept or change.</summary>
public sealed record ProgressionSuggestion(SessionPrescription Prescription, ProgressionAction Action, IReadOnlyList<string> Reasons);

/// <summary>
/// Suggests the next session's dose from the protocol's progression rule and the sessions so far.
/// <para>The last session is the latest record, ignoring sessions cancelled by the clinic. It was tolerated when it was
/// completed (not partial), had no adverse event, its RPE was at or below the target upper bound, and pain did not
/// rise (pain after ≤ pain before). A missed or patient-cancelled last session, or one not tolerated, means hold.</para>
/// <list type="bullet">
/// <item>Speed after tolerated / per-session duration ramp: step up from the last delivered value when tolerated,
/// otherwise hold; RPE must be recorded for the speed rule.</item>
/// <item>Per-week rules (speed, incline, per-week ramp): the planned value of the next session's week; when the last
/// session was not tolerated the dose holds at the lower of the last delivered value and that plan.</item>
/// </list>
/// Values stay within the protocol's minimum and maximum speed, maximum incline and ramp target.
/// </summary>
public static class ProgressionDecisions
{
    public static ProgressionSuggestion SuggestNext(ProtocolDefinition protocol, PlannedSession next, IReadOnlyList<SessionOutcome> history)
    {
        var planned = Prescriptions.For(protocol, next);
        var relevant = history
            .Where(o => o.Status != SessionStatus.CancelledByClinic)
            .OrderBy(o => o.Date).ThenBy(o => o.Sequence ?? int.MaxValue)
            .ToList();
        var last = relevant.Count > 0 ? relevant[^1] : null;
        var lastDelivered = relevant.LastOrDefault(o => o.IsDelivered);
        var t = protocol.Treadmill;

        switch (protocol.Progression)
        {
            case SpeedStepAfterTolerated rule:
            {
                if (lastDelivered is null)
                {
                    return Start(planned, $"First session: start at {Speed(planned.SpeedKmh, t)}.");
                }
                var current = Prescriptions.ClampSpeed(t, lastDelivered.SpeedKmh ?? lastDelivered.PlannedSpeedKmh ?? t.StartSpeedKmh);
                var holds = HoldReasons(last!, protocol, requireRpe: true);
                if (holds.Count > 0)
                {
                    return new(planned with { SpeedKmh = current }, ProgressionAction.Hold,
                        [.. holds, $"Keep the speed at {Speed(current, t)}."]);
                }
                if (current >= t.MaxSpeedKmh)
                {
                    return new(planned with { SpeedKmh = t.MaxSpeedKmh }, ProgressionAction.AtMaximum,
                        [$"At maximum speed: {Speed(t.MaxSpeedKmh, t)} is the protocol's limit."]);
                }
                var raised = Math.Min(current + rule.StepKmh, t.MaxSpeedKmh);
                var reason = $"Increase to {Speed(raised, t)}: last session completed at RPE {Number(last!.Rpe!.Value)} "
                    + $"(target up to {Number(protocol.Intensity.RpeMax)}) with no adverse event.";
                if (current + rule.StepKmh > t.MaxSpeedKmh)
                {
                    reason += $" Capped at the maximum speed of {Speed(t.MaxSpeedKmh, t)}.";
                }
                return new(planned with { SpeedKmh = raised }, ProgressionAction.Increase, [reason]);
            }

            case DurationRamp { Per: RampInterval.Session } ramp:
            {
                if (lastDelivered is null)
                {
                    return Start(planned with { MainMinutes = ramp.StartMinutes }, $"First session: start with {Minutes(ramp.StartMinutes)} of walking.");
                }
                var current = Math.Min(lastDelivered.MainMinutes ?? lastDelivered.PlannedMainMinutes ?? ramp.StartMinutes, ramp.TargetMinutes);
                var holds = HoldReasons(last!, protocol, requireRpe: false);
                if (holds.Count > 0)
                {
                    return new(planned with { MainMinutes = current }, ProgressionAction.Hold,
                        [.. holds, $"Keep the walking time at {Minutes(current)}."]);
                }
                if (current >= ramp.TargetMinutes)
                {
                    return new(planned with { MainMinutes = ramp.TargetMinutes }, ProgressionAction.AtMaximum,
                        [$"At the ramp target of {Minutes(ramp.TargetMinutes)}."]);
                }
                var longer = Math.Min(current + ramp.StepMinutes, ramp.TargetMinutes);
                return new(planned with { MainMinutes = longer }, ProgressionAction.Increase,
                    [$"Increase to {Minutes(longer)}: pain did not increase and the last session was completed with no adverse event."]);
            }

            case SpeedStepPerWeek:
                return PerWeek(planned, last, protocol, next.Week, "speed",
                    p => p.SpeedKmh, (p, v) => p with { SpeedKmh = v },
                    lastDelivered is null ? t.StartSpeedKmh : Prescriptions.ClampSpeed(t, lastDelivered.SpeedKmh ?? lastDelivered.PlannedSpeedKmh ?? t.StartSpeedKmh),
                    v => Speed(v, t), t.MaxSpeedKmh);

            case InclineStepPerWeek:
                return PerWeek(planned, last, protocol, next.Week, "incline",
                    p => p.Incline, (p, v) => p with { Incline = v },
                    lastDelivered?.Incline is { } incline && lastDelivered.InclineUnit == t.InclineUnit ? incline : t.Incline,
                    v => Units.FormatIncline(v, t.InclineUnit), Math.Max(t.MaxIncline, t.Incline));

            case DurationRamp weekly:
                return PerWeek(planned, last, protocol, next.Week, "walking time",
                    p => p.MainMinutes, (p, v) => p with { MainMinutes = v },
                    lastDelivered?.MainMinutes ?? lastDelivered?.PlannedMainMinutes ?? weekly.StartMinutes,
                    Minutes, weekly.TargetMinutes);

            default:
                return new(planned, ProgressionAction.Planned, ["No progression rule: the planned dose applies."]);
        }
    }

    /// <summary>Why the last session does not allow progression; empty when it was tolerated.</summary>
    public static IReadOnlyList<string> HoldReasons(SessionOutcome last, ProtocolDefinition protocol, bool requireRpe)
    {
        var reasons = new List<string>();
        switch (last.Status)
        {
            case SessionStatus.Missed:
                reasons.Add("Hold: the last session was missed.");
                return reasons;
            case SessionStatus.CancelledByPatient:
                reasons.Add("Hold: the last session was cancelled by the patient.");
                return reasons;
            case SessionStatus.Partial:
                reasons.Add("Hold: the last session was only partly completed.");
                break;
            default:
                break;
        }
        if (last.AdverseEvents.Count > 0)
        {
            var names = last.AdverseEvents.Select(e => e.Type.Display()).Distinct().ToList();
            reasons.Add($"Hold: {JoinAnd(names)} in the last session.");
        }
        if (last.Rpe is { } rpe && rpe > protocol.Intensity.RpeMax)
        {
            reasons.Add($"Hold: RPE {Number(rpe)} in the last session was above the target upper bound of {Number(protocol.Intensity.RpeMax)}.");
        }
        else if (last.Rpe is null && requireRpe)
        {
            reasons.Add("Hold: no RPE was recorded for the last session, so tolerance cannot be confirmed.");
        }
        if (last.PainBefore is { } before && last.PainAfter is { } after && after > before
            && last.AdverseEvents.All(e => e.Type != AdverseEventType.PainIncrease))
        {
            reasons.Add($"Hold: pain rose from {Number(before)} to {Number(after)} during the last session.");
        }
        return reasons;
    }

    private static ProgressionSuggestion PerWeek(
        SessionPrescription planned,
        SessionOutcome? last,
        ProtocolDefinition protocol,
        int week,
        string what,
        Func<SessionPrescription, decimal> get,
        Func<SessionPrescription, decimal, SessionPrescription> set,
        decimal lastValue,
        Func<decimal, string> format,
        decimal maximum)
    {
        var plannedValue = get(planned);
        var holds = last is null ? [] : HoldReasons(last, protocol, requireRpe: false);
        if (holds.Count > 0)
        {
            var held = Math.Min(lastValue, plannedValue);
            var keep = held < plannedValue
                ? $"Keep the {what} at {format(held)} instead of the week {week} plan of {format(plannedValue)}."
                : $"Keep the {what} at {format(held)}.";
            return new(set(planned, held), ProgressionAction.Hold, [.. holds, keep]);
        }
        if (last is null)
        {
            return Start(planned, $"First session: planned {what} for week {week} is {format(plannedValue)}.");
        }
        var reasons = new List<string> { $"Planned {what} for week {week}: {format(plannedValue)}." };
        if (plannedValue >= maximum)
        {
            reasons.Add($"At the protocol's maximum {what} of {format(maximum)}.");
        }
        return new(planned, plannedValue >= maximum && lastValue >= maximum ? ProgressionAction.AtMaximum : ProgressionAction.Planned, reasons);
    }

    private static ProgressionSuggestion Start(SessionPrescription prescription, string reason) =>
        new(prescription, ProgressionAction.Start, [reason]);

    private static string Speed(decimal kmh, TreadmillSettings t) => Units.FormatSpeed(kmh, t.DisplaySpeedUnit);

    private static string Minutes(decimal minutes) => $"{Number(minutes)} min";

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string JoinAnd(List<string> items) => items.Count switch
    {
        1 => items[0],
        _ => string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1],
    };
}
