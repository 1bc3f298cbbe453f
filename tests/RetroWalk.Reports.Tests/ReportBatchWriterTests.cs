using System.IO.Compression;

namespace RetroWalk.Reports.Tests;

public class ReportBatchWriterTests
{
    private static readonly ReportBatchWriter Writer = new(new ProgressReportRenderer());

    private static readonly string[] Names = ["Łucja Wiśniewska-Nguyễn", "Jürgen Größmann", "Şükrü Çağlayan Iğdır", "Αλέξανδρος Παπαδόπουλος", "Nguyễn Thị Hồng Ánh"];

    private static List<ReportBatchItem> Items() =>
        Names.Select((name, i) => new ReportBatchItem($"reports/report-{i + 1}.pdf", SampleReports.Typical(name, sessionCount: 12))).ToList();

    [Fact]
    public void BatchWritesOneNamedPdfPerReportAndReportsProgress()
    {
        var reported = new List<int>();
        using var zip = new MemoryStream();

        Writer.Write(Items(), zip, new InlineProgress(reported.Add), TestContext.Current.CancellationToken);

        Assert.Equal([1, 2, 3, 4, 5], reported);
        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Equal(Items().Select(i => i.EntryName), archive.Entries.Select(e => e.FullName));
        for (var i = 0; i < Names.Length; i++)
        {
            Assert.Contains(Names[i], Poppler.Text(ReadEntry(archive.Entries[i])));
        }
    }

    [Fact]
    public async Task AsyncBatchWritesTheSameEntries()
    {
        using var zip = new MemoryStream();

        await Writer.WriteAsync(Items(), zip, cancellationToken: TestContext.Current.CancellationToken);

        zip.Position = 0;
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read);
        Assert.Equal(Items().Select(i => i.EntryName), archive.Entries.Select(e => e.FullName));
        Assert.Contains(Names[3], Poppler.Text(ReadEntry(archive.Entries[3])));
    }

    [Fact]
    public void CancellationStopsTheBatchBetweenReports()
    {
        using var cancellation = new CancellationTokenSource();
        var reported = new List<int>();
        using var zip = new MemoryStream();

        Assert.Throws<OperationCanceledException>(() => Writer.Write(Items(), zip, new InlineProgress(n =>
        {
            reported.Add(n);
            if (n == 2)
            {
                cancellation.Cancel();
            }
        }), cancellation.Token));

        Assert.Equal([1, 2], reported);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape.pdf")]
    [InlineData("/absolute.pdf")]
    public void UnsafeEntryNamesAreRejected(string name)
    {
        using var zip = new MemoryStream();

        Assert.Throws<ArgumentException>(() => Writer.Write([new ReportBatchItem(name, SampleReports.Empty())], zip, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void RepeatedEntryNameIsRejected()
    {
        using var zip = new MemoryStream();
        var item = new ReportBatchItem("same.pdf", SampleReports.Empty());

        var error = Assert.Throws<ArgumentException>(() => Writer.Write([item, item], zip, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Contains("same.pdf", error.Message);
    }

    private static byte[] ReadEntry(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Reports on the calling thread, so the test sees every value before the batch returns.</summary>
    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
