namespace RetroWalk.Clinical.Charts;

/// <summary>
/// Colours, line widths and dash patterns of a chart, in the chart's own units, shared by the screen and
/// the PDF report so that both draw the same picture.
/// </summary>
public static class ChartPalette
{
    public const string Text = "#222222";
    public const string Muted = "#5f6368";
    public const string Axis = "#444444";
    public const string Grid = "#e3e6ea";
    public const string Series = "#1f4e79";
    public const string MarkerFill = "#ffffff";
    public const string Band = "#d6e6f5";
    public const string Baseline = "#5f6368";
    public const string CutOff = "#b03a2e";
    public const string Marker = "#3f7a4f";
    public const string Bars = "#dfe3ea";

    public const double SeriesWidth = 2.4;
    public const double LineWidth = 1.4;
    public const double AxisWidth = 1;
    public const double GridWidth = 0.8;

    /// <summary>Dash and gap lengths of each reference line.</summary>
    public static readonly IReadOnlyList<double> BaselineDash = [6, 4];

    public static readonly IReadOnlyList<double> CutOffDash = [2, 3];

    public static readonly IReadOnlyList<double> MarkerDash = [5, 3];

    /// <summary>Tick length outside the plot.</summary>
    public const double TickLength = 4;

    public static IReadOnlyList<double> DashOf(ChartLineKind kind) => kind switch
    {
        ChartLineKind.Baseline => BaselineDash,
        ChartLineKind.CutOff => CutOffDash,
        _ => MarkerDash,
    };

    public static string ColourOf(ChartLineKind kind) => kind switch
    {
        ChartLineKind.Baseline => Baseline,
        ChartLineKind.CutOff => CutOff,
        _ => Marker,
    };

    public static string ColourOf(ChartLabelKind kind) => kind switch
    {
        ChartLabelKind.Value => Series,
        ChartLabelKind.CutOff => CutOff,
        ChartLabelKind.Baseline => Baseline,
        ChartLabelKind.Marker => Marker,
        ChartLabelKind.AxisTitle => Muted,
        _ => Text,
    };
}
