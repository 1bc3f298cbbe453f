using RetroWalk.Clinical.Charts;

namespace RetroWalk.Reports.Tests;

public class ReportContentTests
{
    private static readonly ProgressReportRenderer Renderer = new();

    [Fact]
    public void TypicalReportHasFourPagesAndEverySectionHeading()
    {
        var pdf = Renderer.Render(SampleReports.Typical());

        Assert.Equal(4, Poppler.PageCount(pdf));
        var text = Poppler.Text(pdf);
        foreach (var heading in new[] { "Patient and programme", "Adherence", "Adverse events", "Session history", "Outcome measures", "Summary", "Outcome charts", "Assessment and plan" })
        {
            Assert.Contains(heading, text);
        }
    }

    [Fact]
    public void EveryPageHasHeaderAndFooterWithPageXOfY()
    {
        var pages = Poppler.Pages(Renderer.Render(SampleReports.Typical()));

        Assert.Equal(4, pages.Length);
        for (var i = 0; i < pages.Length; i++)
        {
            var page = Poppler.Squeeze(pages[i]);
            Assert.Contains("Riverside Physiotherapy Clinic", page);
            Assert.Contains("Gdańsk 80-001, Poland", page);
            Assert.Contains("Progress report", page);
            Assert.Contains("Nguyễn Thị Hồng Ánh", page);
            Assert.Contains("Date of birth: 14 Jul 1956", page);
            Assert.Contains("Record no.: RW-004217", page);
            Assert.Contains($"Page {i + 1} of 4", page);
            Assert.Contains("Generated 30 Apr 2025 14:05 (Europe/Warsaw)", page);
            Assert.Contains("Confidential patient information", page);
        }
        Assert.Contains("Page 1 of 4", pages[0]);
        Assert.Contains("Page 4 of 4", pages[3]);
    }

    [Theory]
    [InlineData("Łucja Wiśniewska-Nguyễn")]
    [InlineData("Nguyễn Thị Hồng Ánh")]
    [InlineData("Jürgen Größmann")]
    [InlineData("Şükrü Çağlayan Iğdır")]
    [InlineData("Αλέξανδρος Παπαδόπουλος")]
    public void UnicodePatientNamesExtractExactly(string name)
    {
        var pages = Poppler.Pages(Renderer.Render(SampleReports.Typical(name)));

        Assert.All(pages, page => Assert.Contains(name, page));
        // Once in the header of each page, once more in the patient summary.
        Assert.Equal(pages.Length + 1, Poppler.Text(Renderer.Render(SampleReports.Typical(name))).Split(name).Length - 1);
    }

    [Fact]
    public void PatientProgrammeAndAdherenceValuesArePrinted()
    {
        var text = Poppler.Squeeze(Poppler.Text(Renderer.Render(SampleReports.Typical())));

        Assert.Contains("Condition Chronic stroke", text);
        Assert.Contains("Affected side Left", text);
        Assert.Contains("Backward treadmill walking · 30 min ·", text);
        Assert.Contains("3×/week · 12 weeks", text);
        Assert.Contains("3 Mar 2025 – 23 May 2025", text);
        Assert.Contains("Therapist Anna Kowalczyk, PT", text);
        Assert.Contains("Report period: 3 Mar 2025 – 23 May 2025", text);
        Assert.Contains("33 completed of 36 planned (92 %)", text);
        Assert.Contains("980 delivered of 1080 prescribed (91 %)", text);
        Assert.Contains("2.0 km/h from week 7", text);
        Assert.Contains("12 Mar 2025 Dizziness", text);
        Assert.Contains("Near-fall", text);
    }

    [Fact]
    public void OutcomeValuesFlagsAndSummaryArePrinted()
    {
        var text = Poppler.Squeeze(Poppler.Text(Renderer.Render(SampleReports.Typical())));

        Assert.Contains("Berg Balance", text);
        Assert.Contains("38 45 +7 +18.4 % Exceeds MDC", text);
        Assert.Contains("18.4 s 13.9 s −4.5 s −24.5 %", text);
        Assert.Contains("0.52 m/s 0.73 m/s +0.21", text);
        Assert.Contains("Exceeds MCID", text);
        Assert.Contains("Below MCID (44", text);
        Assert.Contains("Gait speed", text);
        Assert.Contains("Endurance", text);
        Assert.Contains("Balance (Berg Balance Scale) improved by 7 points", text);
    }

    [Fact]
    public void ChartsCarryTitlesReferenceLinesAndProgrammeMarkers()
    {
        var text = Poppler.Squeeze(Poppler.Text(Renderer.Render(SampleReports.Typical())));

        Assert.Contains("Berg Balance Scale (points)", text);
        Assert.Contains("Timed Up and Go (s)", text);
        Assert.Contains("10-Metre Walk Test, comfortable (m/s)", text);
        Assert.Contains("Fall risk, < 45 points", text);
        Assert.Contains("Fall risk after stroke, > 15 s", text);
        Assert.Contains("Household ambulator, < 0.4 m/s", text);
        Assert.Contains("Limited community ambulator, 0.4–0.8 m/s", text);
        Assert.Contains("Baseline 18.4 s", text);
        Assert.Contains("Baseline ± MDC 3.2 s", text);
        Assert.Contains("Programme start", text);
        Assert.Contains("Programme end", text);
        Assert.Contains("31 Mar", text);
        // Results in the measure's own format, and the weekly minutes on the second axis.
        Assert.Contains("13.9 s", text);
        Assert.Contains("0.73 m/s", text);
        Assert.Contains("min/week", text);
        Assert.Contains("Minutes of training per week", text);
    }

    [Fact]
    public void SignatureShowsTherapistAndDate()
    {
        var text = Poppler.Squeeze(Poppler.Text(Renderer.Render(SampleReports.Typical())));

        Assert.Contains("Therapist: Anna Kowalczyk, PT", text);
        Assert.Contains("30 Apr 2025", text);
    }

    [Fact]
    public void ExcludedSectionsLeaveNoHeading()
    {
        var options = new ReportOptions { Sections = ReportSections.PatientSummary | ReportSections.Outcomes };

        var text = Poppler.Text(Renderer.Render(SampleReports.Typical(), options));

        Assert.Contains("Patient and programme", text);
        Assert.Contains("Outcome measures", text);
        Assert.DoesNotContain("Adherence", text);
        Assert.DoesNotContain("Session history", text);
        Assert.DoesNotContain("Outcome charts", text);
        Assert.DoesNotContain("Assessment and plan", text);
        Assert.DoesNotContain("Tolerated well.", text);
    }

    [Fact]
    public void EmptyDateRangePrintsNoDataInEverySectionAndIsAValidPdf()
    {
        var pdf = Renderer.Render(SampleReports.Empty());

        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.Equal(1, Poppler.PageCount(pdf));
        var text = Poppler.Text(pdf);
        // Programme, adherence, session history, outcomes, charts, assessment and plan.
        Assert.Equal(6, text.Split("No data in this date range.").Length - 1);
        Assert.Contains("Jürgen Größmann", text);
        Assert.Contains("Page 1 of 1", text);
    }

    [Fact]
    public void NoSelectedSectionsStillGivesAPageWithHeaderAndSignature()
    {
        var pdf = Renderer.Render(SampleReports.Typical(), new ReportOptions { Sections = ReportSections.None });

        var text = Poppler.Text(pdf);
        Assert.Equal(1, Poppler.PageCount(pdf));
        Assert.Contains("No report sections were selected.", text);
        Assert.Contains("Therapist: Anna Kowalczyk, PT", text);
    }

    [Fact]
    public void ChartWithoutPointsSaysNoData()
    {
        var report = SampleReports.Typical() with
        {
            Charts = [new TimeChart { Title = "Six-Minute Walk Test", Unit = "m", Values = [] }],
        };

        var text = Poppler.Squeeze(Poppler.Text(Renderer.Render(report, new ReportOptions { Sections = ReportSections.Charts })));

        Assert.Contains("Six-Minute Walk Test (m)", text);
        Assert.Contains("No data in this date range.", text);
    }

    [Fact]
    public void NonFiniteChartValuesAreLeftOutAndTheRestIsPlotted()
    {
        var chart = new TimeChart
        {
            Title = "Timed Up and Go",
            Unit = "s",
            Values = [new(new DateOnly(2025, 3, 1), 18.4, "18.4 s"), new(new DateOnly(2025, 3, 15), double.NaN, "NaN s"), new(new DateOnly(2025, 3, 29), 13.9, "13.9 s")],
            Baseline = new ChartReference(double.NaN, "Baseline NaN"),
            CutOffs = [new ChartCutOff(double.PositiveInfinity, "Broken", BandSide.Above), new ChartCutOff(15, "Stroke cut-off, 15 s", BandSide.Above)],
        };
        var report = SampleReports.Typical() with { Charts = [chart] };

        var pdf = Renderer.Render(report, new ReportOptions { Sections = ReportSections.Charts });

        var text = Poppler.Squeeze(Poppler.Text(pdf));
        Assert.Contains("18.4 s", text);
        Assert.Contains("13.9 s", text);
        Assert.Contains("Stroke cut-off, 15 s", text);
        Assert.DoesNotContain("Broken", text);
        Assert.DoesNotContain("NaN", text);
    }

    [Fact]
    public void FontsAreEmbeddedDejaVuSubsetsWithUnicodeMaps()
    {
        var fonts = Poppler.Fonts(Renderer.Render(SampleReports.Typical()));

        var fontLines = fonts.Split('\n').Where(l => l.Contains("DejaVu", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, fontLines.Count);
        Assert.All(fontLines, line => Assert.Matches(@"yes\s+yes\s+yes", line));
        Assert.DoesNotContain("Segoe", fonts);
    }

    [Fact]
    public void RenderingToAStreamWritesTheSameReportAsBytes()
    {
        var report = SampleReports.Typical();
        using var stream = new MemoryStream();

        Renderer.Render(report, null, stream);

        Assert.Equal(Poppler.Text(Renderer.Render(report)), Poppler.Text(stream.ToArray()));
    }

    [Fact]
    public void RenderingToAForwardOnlyStreamWorks()
    {
        using var inner = new MemoryStream();
        using var forwardOnly = new ForwardOnlyStream(inner);

        Renderer.Render(SampleReports.Typical(), null, forwardOnly);

        Assert.Equal(4, Poppler.PageCount(inner.ToArray()));
    }

    [Fact]
    public void ParallelRendersAllSucceed()
    {
        var reports = new byte[8][];

        Parallel.For(0, reports.Length, i => reports[i] = new ProgressReportRenderer().Render(SampleReports.Typical(sessionCount: 20 + i)));

        Assert.All(reports, pdf => Assert.Contains("Nguyễn Thị Hồng Ánh", Poppler.Text(pdf)));
    }

    /// <summary>A write-only stream without position or seeking, like a network or compression stream.</summary>
    private sealed class ForwardOnlyStream(Stream inner) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);
    }
}
