using System.Globalization;
using RetroWalk.Clinical.Charts;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Outcomes;
using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Web.Features.Outcomes;

/// <summary>How the dashboard writes its numbers: one more decimal than the measure for means, true minus signs, n always given.</summary>
public static class OutcomeText
{
    /// <summary>"−3.00 s".</summary>
    public static string Change(MeasureDefinition measure, double value) =>
        $"{(value > 0 ? "+" : "")}{CohortCharts.Number(value, measure.Decimals + 1)} {measure.Unit.Display}".TrimEnd();

    /// <summary>"−3.00 (−4.48 to −1.52)"; "−3.00 (no interval for n = 1)".</summary>
    public static string MeanWithInterval(MeasureDefinition measure, MeanWithInterval mean)
    {
        var decimals = measure.Decimals + 1;
        var centre = CohortCharts.Number(mean.Mean, decimals);
        return mean.HasInterval
            ? $"{centre} ({CohortCharts.Number(mean.Lower!.Value, decimals)} to {CohortCharts.Number(mean.Upper!.Value, decimals)})"
            : $"{centre} (no interval for n = {mean.N.ToString(CultureInfo.InvariantCulture)})";
    }

    /// <summary>"2 of 6 (33 %)"; "none applicable" when no patient had a threshold.</summary>
    public static string Share(Proportion share) => share.Denominator == 0 ? "none applicable" : share.ToString();

    /// <summary>"73 %"; "–" when unknown.</summary>
    public static string Percent(double? fraction) =>
        fraction is { } f ? string.Create(CultureInfo.InvariantCulture, $"{f * 100:0} %") : "–";

    /// <summary>"4.2 per 100 sessions".</summary>
    public static string Rate(double per100) => string.Create(CultureInfo.InvariantCulture, $"{per100:0.0} per 100 sessions");

    /// <summary>The bar chart's row for a group: its mean and CI, or no bar when the group is too small to summarise.</summary>
    public static IntervalBar Bar(MeasureDefinition measure, string groupName, CohortMeasureSummary summary) =>
        summary.TooSmallToSummarise || summary.MeanChange is not { } mean
            ? new IntervalBar($"{groupName} (n = {summary.N})", null, null, null, "too small to summarise")
            : new IntervalBar($"{groupName} (n = {summary.N})", mean.Mean, mean.Lower, mean.Upper, MeanWithInterval(measure, mean));
}
