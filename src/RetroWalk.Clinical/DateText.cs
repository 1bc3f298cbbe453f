using System.Globalization;

namespace RetroWalk.Clinical;

/// <summary>
/// How a rule writes a date into a message. The app passes the clinic's own convention; without one, the
/// app's default ("Mon 30 Nov 2026"), never a machine format such as 2026-11-30.
/// </summary>
public static class DateText
{
    public static string Default(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);
}
