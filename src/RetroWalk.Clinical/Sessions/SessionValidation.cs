using System.Globalization;
using RetroWalk.Clinical.Protocols;

namespace RetroWalk.Clinical.Sessions;

/// <summary>Plausibility checks for an entered session record, keyed by <see cref="SessionOutcome"/> property names.</summary>
public static class SessionValidation
{
    public const decimal MinutesMax = 180m;
    public const int HeartRateMin = 30;
    public const int HeartRateMax = 230;
    public const int SystolicMin = 60;
    public const int SystolicMax = 300;
    public const int DiastolicMin = 30;
    public const int DiastolicMax = 200;

    /// <param name="writeDate">Writes a date into a message (<see cref="DateText.Default"/> when not given).</param>
    public static IReadOnlyList<ValidationError> Validate(SessionOutcome session, RpeScale rpeScale, DateOnly programmeStart, DateOnly today,
        Func<DateOnly, string>? writeDate = null)
    {
        var errors = new List<ValidationError>();
        void Add(string field, string message) => errors.Add(new ValidationError(field, message));

        if (session.Date < programmeStart)
        {
            Add(nameof(SessionOutcome.Date), $"The session date is before the programme start ({(writeDate ?? DateText.Default)(programmeStart)}).");
        }
        else if (session.Date > today)
        {
            Add(nameof(SessionOutcome.Date), "The session date is in the future.");
        }

        Minutes(session.PlannedMainMinutes, nameof(SessionOutcome.PlannedMainMinutes), Add);
        Minutes(session.WarmUpMinutes, nameof(SessionOutcome.WarmUpMinutes), Add);
        Minutes(session.MainMinutes, nameof(SessionOutcome.MainMinutes), Add);
        Minutes(session.CoolDownMinutes, nameof(SessionOutcome.CoolDownMinutes), Add);
        if (!session.IsDelivered && session.MainMinutes > 0)
        {
            Add(nameof(SessionOutcome.MainMinutes), $"A session that is {session.Status.Display().ToLowerInvariant()} cannot have walking minutes.");
        }

        Speed(session.PlannedSpeedKmh, nameof(SessionOutcome.PlannedSpeedKmh), Add);
        Speed(session.SpeedKmh, nameof(SessionOutcome.SpeedKmh), Add);
        var inclineMax = ProtocolLimits.InclineMax(session.InclineUnit);
        if (session.Incline is { } incline && (incline < 0 || incline > inclineMax))
        {
            Add(nameof(SessionOutcome.Incline), $"Incline must be between {Units.FormatIncline(0, session.InclineUnit)} and {Units.FormatIncline(inclineMax, session.InclineUnit)}.");
        }

        var (rpeMin, rpeMax) = ProtocolLimits.RpeRange(rpeScale);
        if (session.Rpe is { } rpe && (rpe < rpeMin || rpe > rpeMax))
        {
            Add(nameof(SessionOutcome.Rpe), $"RPE must be between {N(rpeMin)} and {N(rpeMax)} on the {(rpeScale == RpeScale.Cr10 ? "CR-10" : "Borg 6–20")} scale.");
        }

        HeartRate(session.RestingHeartRate, nameof(SessionOutcome.RestingHeartRate), Add);
        HeartRate(session.PeakHeartRate, nameof(SessionOutcome.PeakHeartRate), Add);
        HeartRate(session.HeartRateAfter, nameof(SessionOutcome.HeartRateAfter), Add);

        BloodPressure(session.RestingSystolic, session.RestingDiastolic, nameof(SessionOutcome.RestingSystolic), nameof(SessionOutcome.RestingDiastolic), Add);
        BloodPressure(session.PeakSystolic, session.PeakDiastolic, nameof(SessionOutcome.PeakSystolic), nameof(SessionOutcome.PeakDiastolic), Add);

        Pain(session.PainBefore, nameof(SessionOutcome.PainBefore), Add);
        Pain(session.PainAfter, nameof(SessionOutcome.PainAfter), Add);
        return errors;
    }

    private static void Minutes(decimal? value, string field, Action<string, string> add)
    {
        if (value is { } m && (m < 0 || m > MinutesMax))
        {
            add(field, $"Minutes must be between 0 and {N(MinutesMax)}.");
        }
    }

    private static void Speed(decimal? value, string field, Action<string, string> add)
    {
        if (value is { } kmh && (kmh < 0 || kmh > ProtocolLimits.SpeedMaxKmh))
        {
            add(field, $"Speed must be between 0 and {Units.FormatSpeed(ProtocolLimits.SpeedMaxKmh)}.");
        }
    }

    private static void HeartRate(int? value, string field, Action<string, string> add)
    {
        if (value is { } hr && (hr < HeartRateMin || hr > HeartRateMax))
        {
            add(field, $"Heart rate must be between {HeartRateMin} and {HeartRateMax} bpm.");
        }
    }

    private static void BloodPressure(int? systolic, int? diastolic, string systolicField, string diastolicField, Action<string, string> add)
    {
        var sysOk = systolic is not { } s || (s >= SystolicMin && s <= SystolicMax);
        var diaOk = diastolic is not { } d || (d >= DiastolicMin && d <= DiastolicMax);
        if (!sysOk)
        {
            add(systolicField, $"Systolic BP must be between {SystolicMin} and {SystolicMax} mmHg.");
        }
        if (!diaOk)
        {
            add(diastolicField, $"Diastolic BP must be between {DiastolicMin} and {DiastolicMax} mmHg.");
        }
        if (sysOk && diaOk && systolic is { } sv && diastolic is { } dv && sv <= dv)
        {
            add(systolicField, "Systolic BP must be above diastolic BP.");
        }
    }

    private static void Pain(decimal? value, string field, Action<string, string> add)
    {
        if (value is { } p && (p < 0 || p > 10))
        {
            add(field, "Pain must be between 0 and 10.");
        }
    }

    private static string N(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
