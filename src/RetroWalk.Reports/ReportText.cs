using System.Globalization;

namespace RetroWalk.Reports;

/// <summary>Fixed wording and date formats of the printed report.</summary>
internal static class ReportText
{
    public const string NoData = "No data in this date range.";

    public static string Date(DateOnly date) => date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string DateTime(DateTimeOffset value) => value.ToString("d MMM yyyy HH:mm", CultureInfo.InvariantCulture);

    public static string Number(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
