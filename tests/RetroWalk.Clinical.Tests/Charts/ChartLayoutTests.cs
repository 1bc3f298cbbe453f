using RetroWalk.Clinical.Charts;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Charts;

public sealed class ChartLayoutTests
{
    private static readonly DateOnly Start = new(2026, 3, 2);

    /// <summary>Berg 38 → 45 in chronic stroke: MDC 2.7 band, the two fall cut-offs, a programme and its weekly minutes.</summary>
    private static TimeChart Berg(params (int Day, double Value)[] results) => new()
    {
        Title = "Berg Balance Scale",
        Unit = "points",
        Values = [.. (results.Length == 0 ? [(0, 38), (42, 45)] : results).Select(r => new ChartValue(Start.AddDays(r.Day), r.Value, $"{r.Value:0} points"))],
        Baseline = new ChartReference(38, "Baseline 38 points"),
        MdcBand = new ChartBand(35.3, 40.7, "Baseline ± MDC 2.7 points"),
        CutOffs =
        [
            new ChartCutOff(45, "Fall risk, < 45 points", BandSide.Below),
            new ChartCutOff(42, "Risk of multiple or injurious falls, ≤ 42 points", BandSide.Below),
        ],
        Markers = [new ChartMarker(Start.AddDays(2), "Programme start"), new ChartMarker(Start.AddDays(41), "Programme end")],
        WeeklyMinutes = [.. Enumerable.Range(0, 6).Select(w => new ChartWeek(Start.AddDays(7 * w), 60 + (30 * (w % 3))))],
    };

    private static double Y(ChartLayout layout, double value) =>
        layout.Plot.Bottom - ((value - layout.Values.Min) / (layout.Values.Max - layout.Values.Min) * layout.Plot.Height);

    private static IEnumerable<PlacedLabel> OnThePlot(ChartLayout layout) =>
        layout.Labels.Where(l => l.Kind is ChartLabelKind.Value or ChartLabelKind.CutOff or ChartLabelKind.Baseline);

    [Fact]
    public void TheMdcBandSpansBaselineMinusToPlusTheMdc()
    {
        var layout = ChartLayout.For(Berg());

        var band = Assert.NotNull(layout.Band);
        Assert.Equal(Y(layout, 40.7), band.Y, 6);
        Assert.Equal(Y(layout, 35.3), band.Bottom, 6);
        Assert.Equal((layout.Plot.X, layout.Plot.Width), (band.X, band.Width));
    }

    [Fact]
    public void ValueTicksAreRoundNumbersAtTheirPlaceOnTheAxis()
    {
        var layout = ChartLayout.For(Berg());

        Assert.Equal(["34", "36", "38", "40", "42", "44", "46"], layout.ValueTicks.Select(t => t.Text));
        Assert.All(layout.ValueTicks, t => Assert.Equal(Y(layout, double.Parse(t.Text, System.Globalization.CultureInfo.InvariantCulture)), t.Position, 6));
        Assert.Equal(layout.Plot.Bottom, layout.ValueTicks[0].Position, 6);
        Assert.Equal(layout.Plot.Y, layout.ValueTicks[^1].Position, 6);
    }

    [Fact]
    public void DatesAreSpacedByTime()
    {
        var layout = ChartLayout.For(Berg((0, 38), (7, 40), (42, 45)));

        var x = layout.Points.Select(p => p.X).ToList();
        Assert.Equal(5.0, (x[2] - x[1]) / (x[1] - x[0]), 6);
        var perDay = (x[2] - x[0]) / 42;
        Assert.All(layout.DateTicks, t => Assert.Equal(0, Math.Round((t.Position - x[0]) / perDay, 6) % 7));
    }

    [Fact]
    public void ValueLabelsKeepTheMeasuresOwnFormat()
    {
        var chart = Berg() with
        {
            Title = "Timed Up and Go",
            Unit = "s",
            Values = [new ChartValue(Start, 18.4, "18.4 s"), new ChartValue(Start.AddDays(42), 13.0, "13.0 s")],
            Baseline = new ChartReference(18.4, "Baseline 18.4 s"),
            MdcBand = new ChartBand(15.2, 21.6, "Baseline ± MDC 3.2 s"),
            CutOffs = [new ChartCutOff(13.5, "Fall risk, older adults, ≥ 13.5 s", BandSide.Above)],
        };

        var layout = ChartLayout.For(chart);

        Assert.Equal(["18.4 s", "13.0 s"], layout.Labels.Where(l => l.Kind == ChartLabelKind.Value).Select(l => l.Text));
        Assert.Empty(layout.Unplaced);
    }

    [Fact]
    public void EachCutOffLabelSitsOnItsBandsSideOfItsLine()
    {
        var layout = ChartLayout.For(Berg());

        var below45 = layout.Labels.Single(l => l.Text == "Fall risk, < 45 points");
        Assert.True(below45.Box.Y > Y(layout, 45));
        Assert.True(below45.Box.Bottom < Y(layout, 42), "The label for the band below 45 stays above the next line.");
        var below42 = layout.Labels.Single(l => l.Text == "Risk of multiple or injurious falls, ≤ 42 points");
        Assert.True(below42.Box.Y > Y(layout, 42));

        var tug = ChartLayout.For(Berg() with { CutOffs = [new ChartCutOff(40, "Fall risk, ≥ 40", BandSide.Above)] });
        Assert.True(tug.Labels.Single(l => l.Kind == ChartLabelKind.CutOff).Box.Bottom < Y(tug, 40));
    }

    [Theory]
    [MemberData(nameof(Crowded))]
    public void LabelsNeverOverlapEachOtherTheLinesOrThePoints(string scenario, TimeChart chart)
    {
        var layout = ChartLayout.For(chart);

        var labels = layout.Labels.ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                Assert.False(labels[i].Box.Overlaps(labels[j].Box), $"{scenario}: '{labels[i].Text}' overlaps '{labels[j].Text}'.");
            }
        }
        var strokes = layout.Lines.Select(l => l.Segment)
            .Concat(layout.Points.Zip(layout.Points.Skip(1)).Select(p => new ChartSegment(p.First.X, p.First.Y, p.Second.X, p.Second.Y)))
            .ToList();
        foreach (var label in OnThePlot(layout).Concat(layout.Labels.Where(l => l.Kind == ChartLabelKind.Marker)))
        {
            Assert.True(layout.Plot.Contains(label.Box) || label.Kind == ChartLabelKind.Marker, $"{scenario}: '{label.Text}' leaves the plot.");
            Assert.DoesNotContain(strokes, s => label.Box.Crosses(s));
            Assert.DoesNotContain(layout.Points, p => label.Box.Inflate(layout.PointRadius).Contains(p.X, p.Y));
        }
        Assert.All(layout.Labels, l => Assert.True(l.Box.X >= 0 && l.Box.Right <= layout.Size.Width && l.Box.Y >= 0 && l.Box.Bottom <= layout.Size.Height, $"{scenario}: '{l.Text}' leaves the chart."));

        // A cut-off's label stays inside the band it names: on its side of the line, not past the band's far edge.
        foreach (var cutOff in chart.CutOffs)
        {
            var label = layout.Labels.SingleOrDefault(l => l.Kind == ChartLabelKind.CutOff && l.Text == cutOff.Label);
            if (label is null)
            {
                continue;
            }
            var (line, far) = (Y(layout, cutOff.Value), cutOff.FarEdge is { } edge ? Y(layout, edge) : (double?)null);
            Assert.True(cutOff.Side == BandSide.Above ? label.Box.Bottom < line && (far is null || label.Box.Y >= far) : label.Box.Y > line && (far is null || label.Box.Bottom <= far),
                $"{scenario}: '{label.Text}' is outside its band.");
        }
    }

    public static TheoryData<string, TimeChart> Crowded() => new()
    {
        { "two results", Berg() },
        { "weekly results on the cut-offs", Berg([.. Enumerable.Range(0, 7).Select(w => (w * 7, 38.0 + w + (w % 2 == 0 ? 0 : 1.5)))]) },
        { "a zigzag across every line", Berg([.. Enumerable.Range(0, 12).Select(i => (i * 4, i % 2 == 0 ? 36.0 : 46.0))]) },
        { "markers a day apart", Berg() with { Markers = [new(Start, "Programme start"), new(Start.AddDays(1), "Programme end"), new(Start.AddDays(2), "Programme start")] } },
        { "one result", Berg((0, 38)) with { Markers = [] } },
        {
            "a date tick at the axis' corner", Berg([.. Enumerable.Range(0, 4).Select(i => (-2 + (i * 28), 38.0 + (2 * i)))]) with
            {
                WeeklyMinutes = [.. Enumerable.Range(0, 12).Select(w => new ChartWeek(Start.AddDays(7 * w), 90))],
                Markers = [new(Start, "Programme start"), new(Start.AddDays(82), "Programme end")],
            }
        },
        {
            "gait speed categories", new TimeChart
            {
                Title = "10-Metre Walk Test",
                Unit = "m/s",
                Values = [new(Start, 0.45, "0.45 m/s"), new(Start.AddDays(21), 0.52, "0.52 m/s"), new(Start.AddDays(42), 0.62, "0.62 m/s")],
                Baseline = new ChartReference(0.45, "Baseline 0.45 m/s"),
                MdcBand = new ChartBand(0.3, 0.6, "Baseline ± MDC 0.15 m/s"),
                CutOffs =
                [
                    new(0.4, "Household ambulator, < 0.4 m/s", BandSide.Below),
                    new(0.76, "Fall risk, older adults, < 0.76 m/s", BandSide.Below),
                    new(0.8, "Limited community ambulator, 0.4–0.8 m/s", BandSide.Below, FarEdge: 0.4),
                ],
            }
        },
    };

    [Fact]
    public void EveryLabelFindsAPlaceInTheUsualCharts()
    {
        foreach (var (name, chart) in new[] { ("two results", Berg()), ("three results", Berg((0, 38), (21, 41), (42, 45))), ("gait speed", Crowded().Last().Data.Item2) })
        {
            var layout = ChartLayout.For(chart);
            Assert.True(layout.Unplaced.Count == 0, $"{name}: {string.Join("; ", layout.Unplaced)}");
            Assert.Equal(chart.CutOffs.Count, layout.Labels.Count(l => l.Kind == ChartLabelKind.CutOff));
            Assert.Single(layout.Labels, l => l.Kind == ChartLabelKind.Baseline);
            Assert.Equal(chart.Values.Count, layout.Labels.Count(l => l.Kind == ChartLabelKind.Value));
        }
    }

    [Fact]
    public void ADateLabelThatWouldCoverTheValueAxisIsLeftOutAndTheNextOneNamesTheYear()
    {
        var chart = Crowded().Single(row => row.Data.Item1 == "a date tick at the axis' corner").Data.Item2;

        var layout = ChartLayout.For(chart);

        var dates = layout.Labels.Where(l => l.Kind == ChartLabelKind.DateTick).ToList();
        Assert.True(dates.Count < layout.DateTicks.Count, "The corner date keeps its tick but not its label.");
        Assert.EndsWith("2026", dates[0].Text, StringComparison.Ordinal);
        Assert.All(dates.Skip(1), d => Assert.DoesNotContain("2026", d.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void MarkerLabelsTooCloseForOneRowAreStaggeredAboveThePlot()
    {
        var layout = ChartLayout.For(Berg() with { Markers = [new(Start, "Programme start"), new(Start.AddDays(1), "Programme end")] });

        var markers = layout.Labels.Where(l => l.Kind == ChartLabelKind.Marker).ToList();
        Assert.Equal(2, markers.Count);
        Assert.NotEqual(markers[0].Box.Y, markers[1].Box.Y);
        Assert.All(markers, m => Assert.True(m.Box.Bottom <= layout.Plot.Y));
        // Each marker's line reaches from beside its label down to the date axis.
        Assert.All(layout.Lines.Where(l => l.Kind == ChartLineKind.Marker).Zip(markers), pair =>
        {
            Assert.Equal(pair.Second.Box.Y + (pair.Second.Box.Height / 2), pair.First.Segment.Y1, 6);
            Assert.Equal(layout.Plot.Bottom, pair.First.Segment.Y2, 6);
        });
    }

    [Fact]
    public void WeeklyMinutesStandOnASecondAxisFromZero()
    {
        var layout = ChartLayout.For(Berg());

        var minutes = layout.Minutes;
        Assert.NotNull(minutes);
        Assert.Equal(0, minutes.Min);
        Assert.Equal(["0", "50", "100", "150"], layout.MinuteTicks.Select(t => t.Text));
        Assert.Equal(layout.Plot.Bottom, layout.MinuteTicks[0].Position, 6);
        Assert.Contains(layout.Labels, l => l is { Kind: ChartLabelKind.AxisTitle, Text: "min/week" } && l.Box.Right <= layout.Size.Width);
        Assert.All(layout.Labels.Where(l => l.Kind == ChartLabelKind.MinutesTick), l => Assert.True(l.Box.X > layout.Plot.Right));

        Assert.Equal(6, layout.Bars.Count);
        var sixty = layout.Bars.First(b => b.Week.Minutes == 60).Box;
        var ninety = layout.Bars.First(b => b.Week.Minutes == 90).Box;
        Assert.Equal(60 / 150.0 * layout.Plot.Height, sixty.Height, 6);
        Assert.Equal(1.5, ninety.Height / sixty.Height, 6);
        Assert.All(layout.Bars, b => Assert.Equal(layout.Plot.Bottom, b.Box.Bottom, 6));
        // A week's bar stands between that Monday and the next.
        var first = layout.Bars[0];
        var second = layout.Bars[1];
        Assert.True(first.Box.Right < second.Box.X);
        Assert.Equal(7 * (layout.Points[1].X - layout.Points[0].X) / 42, second.Box.X - first.Box.X, 6);
    }

    [Fact]
    public void WithoutWeeklyMinutesThereIsNoSecondAxis()
    {
        var layout = ChartLayout.For(Berg() with { WeeklyMinutes = [] });

        Assert.Null(layout.Minutes);
        Assert.Empty(layout.MinuteTicks);
        Assert.Empty(layout.Bars);
        Assert.DoesNotContain(layout.Labels, l => l.Text == "min/week");
        Assert.DoesNotContain(layout.Legend, e => e.Kind == LegendKind.WeeklyMinutes);
    }

    [Fact]
    public void NonFiniteValuesAreLeftOut()
    {
        var layout = ChartLayout.For(Berg() with
        {
            Values = [new(Start, 38, "38 points"), new(Start.AddDays(7), double.NaN, "?"), new(Start.AddDays(14), 41, "41 points")],
            Baseline = new ChartReference(double.NaN, "Baseline"),
            CutOffs = [new(double.PositiveInfinity, "Broken", BandSide.Above), new(45, "Fall risk, < 45 points", BandSide.Below)],
        });

        Assert.Equal(2, layout.Points.Count);
        Assert.DoesNotContain(layout.Labels, l => l.Text is "?" or "Broken" or "Baseline");
        Assert.Single(layout.Lines, l => l.Kind == ChartLineKind.CutOff);
    }

    [Fact]
    public void TheMeasuresCutOffLabelsNameTheirBands()
    {
        var walk = MeasureCatalogue.Get(MeasureCodes.TenMetreWalkComfortable);
        var ambulation = walk.CutOffs.Single(s => s.Title == "Ambulation category after stroke");

        var labels = CutOffLabels.For(ambulation, walk.Unit);

        Assert.Equal(
            [new CutOffLabel(0.4m, "Household ambulator, < 0.4 m/s", BandSide.Below, null), new CutOffLabel(0.8m, "Limited community ambulator, 0.4–0.8 m/s", BandSide.Below, 0.4m)],
            labels);
    }

    [Fact]
    public void ACutOffNamesTheBandOfConcernBesideIt()
    {
        static CategoryBand Band(string name, ValueRange range, bool concern) => new(name, name, range, concern);
        var falls = MeasureCatalogue.Get(MeasureCodes.TimedUpAndGo).CutOffs[0] with
        {
            Bands = [Band("Below cut-off (TUG < 13.5 s)", ValueRange.Below(13.5m), false), Band("Fall risk (TUG ≥ 13.5 s)", ValueRange.AtOrAbove(13.5m), true)],
        };
        var stroke = falls with
        {
            Bands = [Band("Within healthy range (≤ 12 s)", ValueRange.AtOrBelow(12), false), Band("Slower than 12 s (stroke range)", ValueRange.Above(12), true)],
        };

        Assert.Equal([new CutOffLabel(13.5m, "Fall risk, ≥ 13.5 s", BandSide.Above, null)], CutOffLabels.For(falls, MeasureUnit.Seconds));
        Assert.Equal([new CutOffLabel(12m, "Slower than 12 s (stroke range), > 12 s", BandSide.Above, null)], CutOffLabels.For(stroke, MeasureUnit.Seconds));
    }
}
