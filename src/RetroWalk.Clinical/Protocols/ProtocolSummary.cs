using System.Globalization;

namespace RetroWalk.Clinical.Protocols;

public static class ProtocolSummary
{
    /// <summary>
    /// One line for lists: "30 min · 3×/week · 4 weeks · 12 sessions", "30 min · 8 sessions" for a fixed count,
    /// "10→30 min · 3×/week · 6 weeks · 18 sessions" for a duration ramp. Bouts show as "30 min (3 bouts)".
    /// </summary>
    public static string Line(ProtocolDefinition protocol)
    {
        var minutes = protocol.Progression is DurationRamp ramp
            ? $"{Minutes(ramp.StartMinutes)}→{Minutes(ramp.TargetMinutes)} min"
            : $"{Minutes(protocol.Session.MainMinutes)} min";
        if (protocol.Session.Bouts is > 1 and var bouts)
        {
            minutes += $" ({bouts} bouts)";
        }

        var course = protocol.Course;
        var total = course.TotalSessions;
        var sessions = $"{total} session{(total == 1 ? "" : "s")}";
        if (course.IsFixedCount)
        {
            return $"{minutes} · {sessions}";
        }
        var weeks = course.Weeks ?? 0;
        return $"{minutes} · {course.SessionsPerWeek}×/week · {weeks} week{(weeks == 1 ? "" : "s")} · {sessions}";
    }

    /// <summary>The progression rule in words, e.g. "+0.2 km/h per week up to 2.0 km/h".</summary>
    public static string Progression(ProtocolDefinition protocol)
    {
        var t = protocol.Treadmill;
        return protocol.Progression switch
        {
            SpeedStepPerWeek s => $"+{Units.FormatSpeed(s.StepKmh, t.DisplaySpeedUnit)} per week up to {Units.FormatSpeed(t.MaxSpeedKmh, t.DisplaySpeedUnit)}",
            SpeedStepAfterTolerated s => $"+{Units.FormatSpeed(s.StepKmh, t.DisplaySpeedUnit)} after each tolerated session up to {Units.FormatSpeed(t.MaxSpeedKmh, t.DisplaySpeedUnit)}",
            DurationRamp r => $"{Minutes(r.StartMinutes)} → {Minutes(r.TargetMinutes)} min, +{Minutes(r.StepMinutes)} min per {(r.Per == RampInterval.Week ? "week" : "session")} while pain does not increase",
            InclineStepPerWeek i => $"+{Units.FormatIncline(i.Step, t.InclineUnit)} incline per week up to {Units.FormatIncline(t.MaxIncline, t.InclineUnit)}",
            _ => "No progression",
        };
    }

    internal static string Minutes(decimal minutes) => minutes.ToString("0.##", CultureInfo.InvariantCulture);
}

public static class ProtocolDisplay
{
    public static string Display(this HandrailSupport handrail) => handrail switch
    {
        HandrailSupport.None => "No handrail",
        HandrailSupport.LightTouch => "Light touch on handrail",
        _ => "Full handrail support",
    };

    public static string Display(this SupervisionLevel level) => level switch
    {
        SupervisionLevel.StandBy => "Stand-by",
        SupervisionLevel.CloseGuarding => "Close guarding",
        _ => "Hands-on",
    };

    public static string Display(this RpeScale scale) => scale == RpeScale.Cr10 ? "Borg CR-10 (0–10)" : "Borg RPE (6–20)";

    /// <summary>Checklist text for a non-numeric stop criterion.</summary>
    public static string Display(this StopSign sign) => sign switch
    {
        StopSign.ModerateToSevereAngina => "Moderate-to-severe angina",
        StopSign.AtaxiaVertigoOrConfusion => "Ataxia, vertigo or confusion",
        StopSign.SignsOfPoorPerfusion => "Signs of poor perfusion (e.g. pallor, cyanosis)",
        StopSign.SeriousArrhythmia => "Serious arrhythmia",
        StopSign.PatientAsksToStop => "Patient asks to stop",
        _ => "Systolic BP falling as workload rises, with other symptoms",
    };

    /// <summary>"Baseline", "Interim, week 2", "End", "Follow-up, 12 weeks after the end".</summary>
    public static string Label(this OutcomeAssessment assessment) => assessment.Point switch
    {
        AssessmentPoint.Baseline => "Baseline",
        AssessmentPoint.Interim => $"Interim, week {assessment.Week}",
        AssessmentPoint.End => "End",
        _ => $"Follow-up, {assessment.Week} week{(assessment.Week == 1 ? "" : "s")} after the end",
    };
}
