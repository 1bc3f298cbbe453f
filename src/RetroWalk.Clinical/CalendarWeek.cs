namespace RetroWalk.Clinical;

/// <summary>The clinic week runs Monday to Sunday (ISO 8601), whatever the server's culture says.</summary>
public static class CalendarWeek
{
    /// <summary>The Monday of the week of <paramref name="date"/>.</summary>
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>The Sunday that ends the week of <paramref name="date"/>.</summary>
    public static DateOnly SundayOf(DateOnly date) => MondayOf(date).AddDays(6);
}
