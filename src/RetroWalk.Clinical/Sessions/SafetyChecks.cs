using System.Globalization;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Sessions;

/// <summary>Readings taken before the session, at rest.</summary>
public sealed record ScreeningReadings(int? RestingSystolic, int? RestingDiastolic, int? RestingHeartRate, decimal? Pain);

/// <summary>Readings and observed signs during the session.</summary>
public sealed record InSessionReadings(int? Systolic, int? Diastolic, int? HeartRate, decimal? Pain)
{
    public IReadOnlyCollection<StopSign> Signs { get; init; } = [];
}

/// <summary>
/// One safety finding, keyed by the reading's field (e.g. "RestingSystolic", "Signs").
/// <see cref="Blocking"/> findings mean no session today / stop now; the others are notices.
/// </summary>
public sealed record SafetyFinding(string Field, string Message, bool Blocking = true);

public sealed record ScreeningResult(IReadOnlyList<SafetyFinding> Findings)
{
    public bool SessionMayGoAhead => Findings.All(f => !f.Blocking);
}

public sealed record StopCheckResult(IReadOnlyList<SafetyFinding> Findings)
{
    public bool MustStop => Findings.Any(f => f.Blocking);
}

public static class SafetyChecks
{
    /// <summary>
    /// Pre-session screening: a reading above its limit (strictly greater; exactly at the limit passes) or a resting
    /// heart rate below the minimum means no session today. Missing blood pressure is a non-blocking notice.
    /// </summary>
    public static ScreeningResult Screen(ScreeningReadings readings, ScreeningLimits limits)
    {
        var findings = new List<SafetyFinding>();
        if (readings.RestingSystolic is { } sys && sys > limits.MaxRestingSystolic)
        {
            findings.Add(new(nameof(ScreeningReadings.RestingSystolic),
                $"Resting systolic BP {sys} mmHg is above the limit of {limits.MaxRestingSystolic} mmHg: no session today."));
        }
        if (readings.RestingDiastolic is { } dia && dia > limits.MaxRestingDiastolic)
        {
            findings.Add(new(nameof(ScreeningReadings.RestingDiastolic),
                $"Resting diastolic BP {dia} mmHg is above the limit of {limits.MaxRestingDiastolic} mmHg: no session today."));
        }
        if (readings.RestingSystolic is null || readings.RestingDiastolic is null)
        {
            findings.Add(new(readings.RestingSystolic is null ? nameof(ScreeningReadings.RestingSystolic) : nameof(ScreeningReadings.RestingDiastolic),
                "Resting blood pressure was not recorded: measure it before the session.", Blocking: false));
        }
        if (readings.RestingHeartRate is { } hr)
        {
            if (hr > limits.MaxRestingHeartRate)
            {
                findings.Add(new(nameof(ScreeningReadings.RestingHeartRate),
                    $"Resting heart rate {hr} bpm is above the limit of {limits.MaxRestingHeartRate} bpm: no session today."));
            }
            else if (hr < limits.MinRestingHeartRate)
            {
                findings.Add(new(nameof(ScreeningReadings.RestingHeartRate),
                    $"Resting heart rate {hr} bpm is below the limit of {limits.MinRestingHeartRate} bpm: no session today."));
            }
        }
        if (readings.Pain is { } pain && pain > limits.MaxPain)
        {
            findings.Add(new(nameof(ScreeningReadings.Pain),
                $"Pain {N(pain)}/10 is above the limit of {N(limits.MaxPain)}/10: no session today."));
        }
        return new ScreeningResult(findings);
    }

    /// <summary>
    /// Stop criteria during the session: numeric limits (strictly greater than the limit stops; exactly at the limit
    /// does not) and every ticked non-numeric sign.
    /// </summary>
    public static StopCheckResult CheckStop(InSessionReadings readings, StopLimits limits)
    {
        var findings = new List<SafetyFinding>();
        if (readings.Systolic is { } sys && sys > limits.MaxSystolic)
        {
            findings.Add(new(nameof(InSessionReadings.Systolic),
                $"Systolic BP {sys} mmHg is above the stop limit of {limits.MaxSystolic} mmHg: stop the session."));
        }
        if (readings.Diastolic is { } dia && dia > limits.MaxDiastolic)
        {
            findings.Add(new(nameof(InSessionReadings.Diastolic),
                $"Diastolic BP {dia} mmHg is above the stop limit of {limits.MaxDiastolic} mmHg: stop the session."));
        }
        if (readings.HeartRate is { } hr && limits.MaxHeartRate is { } maxHr && hr > maxHr)
        {
            findings.Add(new(nameof(InSessionReadings.HeartRate),
                $"Heart rate {hr} bpm is above the stop limit of {maxHr} bpm: stop the session."));
        }
        if (readings.Pain is { } pain && limits.MaxPain is { } maxPain && pain > maxPain)
        {
            findings.Add(new(nameof(InSessionReadings.Pain),
                $"Pain {N(pain)}/10 is above the stop limit of {N(maxPain)}/10: stop the session."));
        }
        foreach (var sign in readings.Signs.Distinct().Order())
        {
            findings.Add(new(nameof(InSessionReadings.Signs), $"{sign.Display()}: stop the session."));
        }
        return new StopCheckResult(findings);
    }

    /// <summary>The non-numeric stop criteria, in checklist order.</summary>
    public static IReadOnlyList<StopSign> StopChecklist { get; } = Enum.GetValues<StopSign>();

    private static string N(decimal value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
