using BenchmarkDotNet.Attributes;
using RetroWalk.Reports;
using RetroWalk.Reports.Tests;

namespace RetroWalk.Benchmarks;

[MemoryDiagnoser]
public class RenderBenchmarks
{
    private ProgressReportRenderer renderer = null!;
    private ReportBatchWriter batchWriter = null!;
    private ProgressReport report = null!;
    private ReportBatchItem[] batch = [];

    [GlobalSetup]
    public void Setup()
    {
        renderer = new ProgressReportRenderer();
        batchWriter = new ReportBatchWriter(renderer);
        report = SampleReports.Typical();
        batch = Batches.Hundred();
    }

    /// <summary>One four-page A4 report with three charts.</summary>
    [Benchmark]
    public byte[] RenderFourPageReport() => renderer.Render(report);

    /// <summary>100 such reports into a ZIP archive in memory.</summary>
    [Benchmark]
    public long RenderBatchOf100IntoZip()
    {
        using var zip = new MemoryStream();
        batchWriter.Write(batch, zip);
        return zip.Length;
    }
}

internal static class Batches
{
    private static readonly string[] Names =
    [
        "Łucja Wiśniewska-Nguyễn", "Nguyễn Thị Hồng Ánh", "Jürgen Größmann", "Şükrü Çağlayan Iğdır", "Αλέξανδρος Παπαδόπουλος",
    ];

    /// <summary>100 four-page reports for different patients.</summary>
    public static ReportBatchItem[] Hundred() =>
        Enumerable.Range(1, 100)
            .Select(i => new ReportBatchItem(
                $"progress-report-{i:000}.pdf",
                SampleReports.Typical(Names[i % Names.Length]) with
                {
                    Patient = SampleReports.Typical().Patient with { FullName = Names[i % Names.Length], RecordNumber = $"RW-{i:000000}" },
                }))
            .ToArray();
}
