using RetroWalk.Clinical.Scheduling;

namespace RetroWalk.Clinical.Protocols;

/// <summary>The planned dose of one session. Speed in km/h; incline in <see cref="InclineUnit"/>.</summary>
public sealed record SessionPrescription(
    decimal SpeedKmh,
    decimal Incline,
    InclineUnit InclineUnit,
    decimal WarmUpMinutes,
    decimal MainMinutes,
    decimal CoolDownMinutes);

public static class Prescriptions
{
    /// <summary>
    /// Planned dose of the session with dose index <paramref name="sessionNumber"/> (1-based) in programme week
    /// <paramref name="week"/> (1-based). Per-week rules step once per week after the first; a per-session duration ramp
    /// steps once per session after the first. Everything is bounded by the protocol's maximums. For
    /// <see cref="SpeedStepAfterTolerated"/> the planned speed is the start speed; see the session progression decision.
    /// </summary>
    public static SessionPrescription For(ProtocolDefinition protocol, int sessionNumber, int week)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(sessionNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(week, 1);
        var t = protocol.Treadmill;
        var speed = t.StartSpeedKmh;
        var incline = t.Incline;
        var main = protocol.Session.MainMinutes;

        switch (protocol.Progression)
        {
            case SpeedStepPerWeek s:
                speed += s.StepKmh * (week - 1);
                break;
            case InclineStepPerWeek i:
                incline += i.Step * (week - 1);
                break;
            case DurationRamp r:
                var steps = r.Per == RampInterval.Week ? week - 1 : sessionNumber - 1;
                main = Math.Min(r.StartMinutes + (r.StepMinutes * steps), r.TargetMinutes);
                break;
            default:
                break;
        }

        return new SessionPrescription(
            ClampSpeed(t, speed),
            ClampIncline(t, incline),
            t.InclineUnit,
            protocol.Session.WarmUpMinutes,
            main,
            protocol.Session.CoolDownMinutes);
    }

    /// <summary>Planned dose of a scheduled session (a make-up session takes the dose of the session it stands for).</summary>
    public static SessionPrescription For(ProtocolDefinition protocol, PlannedSession session) =>
        For(protocol, session.DoseSequence, session.Week);

    /// <summary>Planned doses of a whole schedule, in schedule order.</summary>
    public static IReadOnlyList<(PlannedSession Session, SessionPrescription Prescription)> ForSchedule(
        ProtocolDefinition protocol, IReadOnlyList<PlannedSession> sessions) =>
        [.. sessions.Select(s => (s, For(protocol, s)))];

    internal static decimal ClampSpeed(TreadmillSettings t, decimal kmh) =>
        Math.Min(Math.Max(kmh, t.MinSpeedKmh), t.MaxSpeedKmh);

    internal static decimal ClampIncline(TreadmillSettings t, decimal incline) =>
        Math.Min(Math.Max(incline, 0m), Math.Max(t.MaxIncline, t.Incline));
}
