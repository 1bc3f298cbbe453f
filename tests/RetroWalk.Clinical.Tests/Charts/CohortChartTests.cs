using RetroWalk.Clinical.Charts;
using RetroWalk.Clinical.Statistics;

namespace RetroWalk.Clinical.Tests.Charts;

public sealed class CohortChartTests
{
    [Fact]
    public void ABarRunsFromZeroToTheMeanAndItsWhiskerSpansTheInterval()
    {
        var layout = CohortCharts.Bars([new IntervalBar("Stroke (n = 6)", -3, -4.5, -1.5, "−3.00"), new IntervalBar("Knee (n = 3)", null, null, null, "too small to summarise")], "Mean change (s)");

        var zero = layout.Segments.First(s => s.Kind == PlotShapeKind.Zero).Segment.X1;
        var bar = Assert.Single(layout.Rects).Box;
        Assert.Equal(zero, bar.Right, 6);
        var whisker = layout.Segments.Where(s => s.Kind == PlotShapeKind.Interval).Select(s => s.Segment).First();
        var perUnit = (zero - bar.X) / 3;
        Assert.Equal(zero - (4.5 * perUnit), whisker.X1, 6);
        Assert.Equal(zero - (1.5 * perUnit), whisker.X2, 6);
        Assert.Contains(layout.Labels, l => l.Text == "Knee (n = 3): too small to summarise");
        Assert.All(layout.Labels, l => Assert.True(l.Box.X >= 0 && l.Box.Right <= layout.Size.Width, $"'{l.Text}' leaves the chart"));
    }

    [Fact]
    public void EqualChangesStackAndEachThresholdLineIsNumberedInTheKey()
    {
        var layout = CohortCharts.Distribution([-4, -3, -3, -3, 1], [new ThresholdLine(-3.2, "MDC 3.2 s, chronic stroke", PlotShapeKind.Mdc)], "Change (s)", 460);

        Assert.Equal(5, layout.Dots.Count);
        Assert.Equal(3, layout.Dots.Where(d => Math.Abs(d.X - layout.Dots[1].X) < 1e-9).Select(d => d.Y).Distinct().Count());
        var key = Assert.Single(layout.Keys);
        Assert.Equal(("1", "MDC 3.2 s, chronic stroke"), (key.Tag, key.Text));
        Assert.Single(layout.Segments, s => s.Kind == PlotShapeKind.Mdc);
    }

    [Fact]
    public void TheFittedLineAndItsBandFollowTheLinearFit()
    {
        double[] x = [100, 200, 300, 400];
        double[] y = [1, 3, 2, 5];
        var fit = LinearFit.Of(x, y)!;

        var layout = CohortCharts.DoseResponse([.. x.Select((v, i) => new DosePoint(v, y[i], $"p{i}", "patient"))], fit, "Minutes", "Change");

        Assert.Equal(4, layout.Dots.Count);
        Assert.Equal(["p0", "p1", "p2", "p3"], layout.Dots.Select(d => d.Key));
        var line = Assert.Single(layout.Segments, s => s.Kind == PlotShapeKind.Fit).Segment;
        // The band is wider than the line at every sampled x: the line lies inside it.
        Assert.Equal(82, layout.Band.Count);
        Assert.True(layout.Band[0].Y < line.Y1 && layout.Band[^1].Y > line.Y1);
    }
}
