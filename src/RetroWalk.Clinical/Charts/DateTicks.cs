using System.Globalization;

namespace RetroWalk.Clinical.Charts;

/// <summary>A date on the axis, labelled with or without its year.</summary>
public sealed record DateTick(DateOnly Date, string Text, string TextWithYear);

/// <summary>
/// Ticks for a date axis on which distance is time: days, Mondays, the first of a month or of a year, as
/// dense as their labels allow. The year is written on the first tick and wherever it changes.
/// </summary>
public static class DateTicks
{
    private enum Unit
    {
        Day,
        Week,
        Month,
    }

    private static readonly (Unit Unit, int Count)[] Steps =
    [
        (Unit.Day, 1), (Unit.Day, 2), (Unit.Week, 1), (Unit.Week, 2), (Unit.Week, 4),
        (Unit.Month, 1), (Unit.Month, 2), (Unit.Month, 3), (Unit.Month, 6), (Unit.Month, 12), (Unit.Month, 24), (Unit.Month, 60),
    ];

    /// <summary>
    /// The densest ticks from <paramref name="first"/> to <paramref name="last"/> whose labels, at
    /// <paramref name="fontSize"/>, fit <paramref name="unitsPerDay"/> apart with a gap between them.
    /// </summary>
    public static IReadOnlyList<DateTick> For(DateOnly first, DateOnly last, double unitsPerDay, double fontSize)
    {
        var gap = fontSize;
        foreach (var (unit, count) in Steps)
        {
            var dates = Dates(first, last, unit, count);
            var ticks = Label(dates, unit);
            var fits = ticks.Zip(ticks.Skip(1)).All(pair =>
                (pair.Second.Date.DayNumber - pair.First.Date.DayNumber) * unitsPerDay
                    >= ((TextMetrics.Width(pair.First.Text, fontSize) + TextMetrics.Width(pair.Second.Text, fontSize)) / 2) + gap);
            if (fits && ticks.Count > 0)
            {
                return ticks;
            }
        }
        return [];
    }

    private static List<DateOnly> Dates(DateOnly first, DateOnly last, Unit unit, int count)
    {
        var dates = new List<DateOnly>();
        switch (unit)
        {
            case Unit.Day:
                for (var d = first; d <= last; d = d.AddDays(count))
                {
                    dates.Add(d);
                }
                break;
            case Unit.Week:
                // Mondays, every count-th one counted from a fixed Monday so that ticks do not shift with the range.
                var monday = first.AddDays(((int)DayOfWeek.Monday - (int)first.DayOfWeek + 7) % 7);
                var epoch = new DateOnly(2001, 1, 1); // a Monday
                while ((monday.DayNumber - epoch.DayNumber) / 7 % count != 0)
                {
                    monday = monday.AddDays(7);
                }
                for (var d = monday; d <= last; d = d.AddDays(7 * count))
                {
                    dates.Add(d);
                }
                break;
            default:
                var month = new DateOnly(first.Year, first.Month, 1);
                if (month < first)
                {
                    month = month.AddMonths(1);
                }
                while ((month.Month - 1) % Math.Min(count, 12) != 0 || (count > 12 && month.Year % (count / 12) != 0))
                {
                    month = month.AddMonths(1);
                }
                for (var d = month; d <= last; d = d.AddMonths(count))
                {
                    dates.Add(d);
                }
                break;
        }
        return dates;
    }

    private static List<DateTick> Label(List<DateOnly> dates, Unit unit)
    {
        var ticks = new List<DateTick>(dates.Count);
        int? year = null;
        foreach (var date in dates)
        {
            var withYear = date.ToString(unit == Unit.Month ? "MMM yyyy" : "d MMM yyyy", CultureInfo.InvariantCulture);
            var without = date.ToString(unit == Unit.Month ? "MMM" : "d MMM", CultureInfo.InvariantCulture);
            ticks.Add(new DateTick(date, year != date.Year ? withYear : without, withYear));
            year = date.Year;
        }
        return ticks;
    }
}
