using System.Globalization;
using PdfSharp.Drawing;

namespace RetroWalk.Reports.Layout;

/// <summary>
/// Draws one measure as a vector line chart: value axis with ticks and grid, date axis, the
/// baseline ± MDC band, dashed cut-off lines, programme start/end markers, the line and its points.
/// </summary>
internal static class ChartDrawer
{
    public const double Height = 206;
    private const double TitleHeight = 28;
    private const double AxisLabelHeight = 24;
    private const double ValueAxisWidth = 38;
    private static readonly int[] DayStepChoices = [1, 2, 3, 7, 14, 28, 56, 91, 182, 365, 730];

    public static void Draw(PageWriter w, MeasureChart chart)
    {
        w.EnsureSpace(Height);
        var gfx = w.Gfx;
        var fonts = w.Fonts;
        var top = w.Y;
        var title = chart.Unit.Length > 0 ? $"{chart.Title} ({chart.Unit})" : chart.Title;
        TextPainter.Draw(gfx, title, fonts.ChartTitle, ReportStyle.AccentBrush, w.Left, top, XStringFormats.TopLeft);
        DrawLegend(w, chart, top + 2);

        var plot = new XRect(w.Left + ValueAxisWidth, top + TitleHeight, w.Width - ValueAxisWidth - 4, Height - TitleHeight - AxisLabelHeight);
        w.Y = top + Height + 6;

        // Non-finite values cannot be plotted (and would corrupt the page's drawing commands).
        var data = chart.Points.Where(p => double.IsFinite(p.Value)).ToList();
        if (data.Count == 0)
        {
            gfx.DrawRectangle(ReportStyle.GridPen, plot);
            TextPainter.Draw(gfx, ReportText.NoData, fonts.Body, ReportStyle.MutedBrush, plot.Center.X, plot.Center.Y, XStringFormats.Center);
            return;
        }

        var scale = ValueScale(chart, data);
        var (firstDay, lastDay) = DayRange(chart, data);
        double X(int dayNumber) => plot.Left + (dayNumber - firstDay) / (double)(lastDay - firstDay) * plot.Width;
        double Y(double value) => plot.Bottom - (value - scale.Min) / (scale.Max - scale.Min) * plot.Height;
        double ClampY(double value) => Math.Clamp(Y(value), plot.Top, plot.Bottom);

        // Baseline ± MDC band under everything else.
        if (chart.MdcBand is { } band && double.IsFinite(band.Low) && double.IsFinite(band.High))
        {
            var bandTop = ClampY(Math.Max(band.Low, band.High));
            var bandBottom = ClampY(Math.Min(band.Low, band.High));
            gfx.DrawRectangle(ReportStyle.BandFill, plot.Left, bandTop, plot.Width, bandBottom - bandTop);
        }

        // Value axis: grid lines and tick labels.
        var labelFont = fonts.ChartLabel;
        var decimals = scale.Step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(scale.Step) - 1e-9);
        for (var v = scale.Min; v <= scale.Max + scale.Step / 1000; v += scale.Step)
        {
            var y = Y(v);
            gfx.DrawLine(ReportStyle.GridPen, plot.Left, y, plot.Right, y);
            gfx.DrawLine(ReportStyle.AxisPen, plot.Left - 3, y, plot.Left, y);
            TextPainter.Draw(gfx, ReportText.Number(v, decimals), labelFont, ReportStyle.TextBrush, plot.Left - 5, y, XStringFormats.CenterRight);
        }

        if (chart.Baseline is { } baseline && double.IsFinite(baseline))
        {
            var y = Y(baseline);
            gfx.DrawLine(ReportStyle.BaselinePen, plot.Left, y, plot.Right, y);
            LineLabel(gfx, labelFont, "Baseline " + ReportText.Number(baseline, DecimalsOf(baseline)), ReportStyle.MutedBrush, plot.Right - 3, y + 1.5, rightAligned: true, below: true);
        }

        foreach (var cutOff in chart.CutOffs.Where(c => double.IsFinite(c.Value)))
        {
            var y = Y(cutOff.Value);
            gfx.DrawLine(ReportStyle.CutOffPen, plot.Left, y, plot.Right, y);
            var label = $"{cutOff.Label} ({ReportText.Number(cutOff.Value, DecimalsOf(cutOff.Value))})";
            LineLabel(gfx, labelFont, label, ReportStyle.CutOffBrush, plot.Left + 3, y - 1.5, rightAligned: false, below: false);
        }

        DrawProgrammeMarker(gfx, labelFont, chart.ProgrammeStart, "Programme start", X, plot, alignLeft: true);
        DrawProgrammeMarker(gfx, labelFont, chart.ProgrammeEnd, "Programme end", X, plot, alignLeft: false);

        // Axes.
        gfx.DrawLine(ReportStyle.AxisPen, plot.Left, plot.Top, plot.Left, plot.Bottom);
        gfx.DrawLine(ReportStyle.AxisPen, plot.Left, plot.Bottom, plot.Right, plot.Bottom);
        DrawDateAxis(gfx, labelFont, plot, firstDay, lastDay, X);

        // The series: line, then point markers with their values.
        var points = new XPoint[data.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var p = data[i];
            points[i] = new XPoint(X(p.Date.DayNumber), Y(p.Value));
        }
        if (points.Length > 1)
        {
            gfx.DrawLines(ReportStyle.SeriesPen, points);
        }
        var showValues = points.Length <= 12;
        for (var i = 0; i < points.Length; i++)
        {
            gfx.DrawEllipse(ReportStyle.MarkerPen, ReportStyle.MarkerFill, points[i].X - 2.4, points[i].Y - 2.4, 4.8, 4.8);
            if (showValues)
            {
                var value = data[i].Value;
                TextPainter.Draw(gfx, ReportText.Number(value, DecimalsOf(value)), labelFont, ReportStyle.AccentBrush, points[i].X, points[i].Y - 4, XStringFormats.BottomCenter);
            }
        }
    }

    /// <summary>A reference-line label on a white backing so lines behind it do not strike through the text.</summary>
    private static void LineLabel(XGraphics gfx, XFont font, string text, XBrush brush, double x, double y, bool rightAligned, bool below)
    {
        var width = TextLayout.Width(gfx, text, font);
        var height = TextLayout.LineHeight(font);
        var left = rightAligned ? x - width : x;
        var top = below ? y : y - height;
        gfx.DrawRectangle(ReportStyle.MarkerFill, left - 1, top + 0.5, width + 2, height - 0.5);
        TextPainter.Draw(gfx, text, font, brush, left, top, XStringFormats.TopLeft);
    }

    private static void DrawLegend(PageWriter w, MeasureChart chart, double y)
    {
        var gfx = w.Gfx;
        var font = w.Fonts.ChartLabel;
        var x = w.Right;
        var middle = y + 4;

        void Item(string text, Action<double> sample)
        {
            x -= TextLayout.Width(gfx, text, font);
            TextPainter.Draw(gfx, text, font, ReportStyle.TextBrush, x, middle, XStringFormats.CenterLeft);
            x -= 18;
            sample(x);
            x -= 10;
        }

        if (chart.CutOffs.Count > 0)
        {
            Item("Cut-off", sx => gfx.DrawLine(ReportStyle.CutOffPen, sx, middle, sx + 14, middle));
        }
        if (chart.MdcBand is not null)
        {
            Item("Baseline ± MDC", sx => gfx.DrawRectangle(ReportStyle.BandFill, sx, middle - 3, 14, 6));
        }
        Item("Result", sx =>
        {
            gfx.DrawLine(ReportStyle.SeriesPen, sx, middle, sx + 14, middle);
            gfx.DrawEllipse(ReportStyle.MarkerPen, ReportStyle.MarkerFill, sx + 4.6, middle - 2.4, 4.8, 4.8);
        });
    }

    private static void DrawProgrammeMarker(XGraphics gfx, XFont font, DateOnly? date, string label, Func<int, double> x, XRect plot, bool alignLeft)
    {
        if (date is not { } d)
        {
            return;
        }
        var px = x(d.DayNumber);
        gfx.DrawLine(ReportStyle.MarkerLinePen, px, plot.Top, px, plot.Bottom);
        // Labels sit just above the plot, clear of the data and the reference-line labels.
        gfx.DrawLine(ReportStyle.MarkerLinePen, px, plot.Top - 3, px, plot.Top);
        var format = alignLeft ? XStringFormats.BottomLeft : XStringFormats.BottomRight;
        TextPainter.Draw(gfx, label, font, ReportStyle.MarkerLineBrush, alignLeft ? px + 2 : px - 2, plot.Top - 1, format);
    }

    private static void DrawDateAxis(XGraphics gfx, XFont font, XRect plot, int firstDay, int lastDay, Func<int, double> x)
    {
        var span = lastDay - firstDay;
        var step = DayStepChoices.FirstOrDefault(s => span / s <= 6, DayStepChoices[^1]);
        var format = span > 300 ? "MMM yyyy" : "d MMM";
        var lastLabelRight = double.NegativeInfinity;
        var firstTick = firstDay + (step - (firstDay % step)) % step;
        if (step < 7)
        {
            firstTick = firstDay;
        }
        for (var day = firstTick; day <= lastDay; day += step)
        {
            var px = x(day);
            gfx.DrawLine(ReportStyle.AxisPen, px, plot.Bottom, px, plot.Bottom + 3);
            var text = DateOnly.FromDayNumber(day).ToString(format, CultureInfo.InvariantCulture);
            var width = TextLayout.Width(gfx, text, font);
            var left = Math.Clamp(px - width / 2, plot.Left - 12, plot.Right - width);
            if (left > lastLabelRight + 4)
            {
                TextPainter.Draw(gfx, text, font, ReportStyle.TextBrush, left, plot.Bottom + 5, XStringFormats.TopLeft);
                lastLabelRight = left + width;
            }
        }
    }

    private static (int First, int Last) DayRange(MeasureChart chart, List<ChartPoint> data)
    {
        var first = int.MaxValue;
        var last = int.MinValue;
        void Include(DateOnly d)
        {
            first = Math.Min(first, d.DayNumber);
            last = Math.Max(last, d.DayNumber);
        }
        foreach (var p in data)
        {
            Include(p.Date);
        }
        if (chart.ProgrammeStart is { } start)
        {
            Include(start);
        }
        if (chart.ProgrammeEnd is { } end)
        {
            Include(end);
        }
        var pad = Math.Max(1, (int)Math.Round((last - first) * 0.04));
        return (first - pad, last + pad);
    }

    private readonly record struct Scale(double Min, double Max, double Step);

    private static Scale ValueScale(MeasureChart chart, List<ChartPoint> data)
    {
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        void Include(double v)
        {
            if (double.IsFinite(v))
            {
                low = Math.Min(low, v);
                high = Math.Max(high, v);
            }
        }
        foreach (var p in data)
        {
            Include(p.Value);
        }
        if (chart.Baseline is { } baseline)
        {
            Include(baseline);
        }
        if (chart.MdcBand is { } band)
        {
            Include(band.Low);
            Include(band.High);
        }
        foreach (var c in chart.CutOffs)
        {
            Include(c.Value);
        }
        if (!double.IsFinite(low))
        {
            (low, high) = (0, 1);
        }
        if (high - low < 1e-9)
        {
            var half = Math.Max(Math.Abs(low) * 0.1, 0.5);
            (low, high) = (low - half, high + half);
        }
        // Head room above the highest value for its label.
        var padding = (high - low) * 0.08;
        low -= padding * 0.5;
        high += padding;
        var step = NiceNumber((high - low) / 4, round: true);
        var min = Math.Floor(low / step) * step;
        var max = Math.Ceiling(high / step) * step;
        return new Scale(min, max, step);
    }

    private static double NiceNumber(double value, bool round)
    {
        var exponent = Math.Floor(Math.Log10(value));
        var magnitude = Math.Pow(10, exponent);
        var fraction = value / magnitude;
        double nice = round
            ? fraction < 1.5 ? 1 : fraction < 3 ? 2 : fraction < 7 ? 5 : 10
            : fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    /// <summary>Decimals needed to show <paramref name="value"/> (0 to 2).</summary>
    private static int DecimalsOf(double value)
    {
        for (var d = 0; d < 2; d++)
        {
            var scaled = value * Math.Pow(10, d);
            if (Math.Abs(scaled - Math.Round(scaled)) < 1e-6)
            {
                return d;
            }
        }
        return 2;
    }
}
