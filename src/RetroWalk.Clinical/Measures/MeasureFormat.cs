using System.Globalization;

namespace RetroWalk.Clinical.Measures;

/// <summary>Number formatting for clinical values: invariant culture, the measure's decimals.</summary>
public static class MeasureFormat
{
    /// <summary>Rounds to the measure's display precision (midpoints away from zero).</summary>
    public static decimal Round(this MeasureDefinition measure, decimal value) =>
        decimal.Round(value, measure.Decimals, MidpointRounding.AwayFromZero);

    /// <summary>"0.62", "13.0", "45".</summary>
    public static string Number(this MeasureDefinition measure, decimal value) =>
        measure.Round(value).ToString("F" + measure.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>"0.62 m/s", "13.0 s", "45 points".</summary>
    public static string WithUnit(this MeasureDefinition measure, decimal value) =>
        measure.Unit.Append(measure.Number(value));

    /// <summary>A published value exactly as published ("2.7", "0.10"), with the measure's unit.</summary>
    public static string Published(this MeasureDefinition measure, decimal value) =>
        measure.Unit.Append(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>"18.4%", "-29.3%".</summary>
    public static string Percent(decimal percent) =>
        decimal.Round(percent, 1, MidpointRounding.AwayFromZero).ToString("F1", CultureInfo.InvariantCulture) + "%";
}
