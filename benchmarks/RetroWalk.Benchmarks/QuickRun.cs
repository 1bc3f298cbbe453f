using System.Diagnostics;
using System.Globalization;
using PdfSharp.Pdf.IO;
using RetroWalk.Reports;
using RetroWalk.Reports.Tests;

namespace RetroWalk.Benchmarks;

/// <summary>
/// A fast, reproducible timing run (seconds rather than BenchmarkDotNet's minutes):
/// median of N single renders after warm-up, then a batch of 100 into an in-memory ZIP,
/// with the process's peak working set and GC heap before and after.
/// </summary>
internal static class QuickRun
{
    public static void Run(string[] args)
    {
        var renders = ArgValue(args, "--renders", 200);
        var renderer = new ProgressReportRenderer();
        var report = SampleReports.Typical();

        // Enough renders for tiered compilation to settle on optimised code.
        for (var i = 0; i < 200; i++)
        {
            renderer.Render(report);
        }

        var pdf = renderer.Render(report);
        using (var check = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import))
        {
            Console.WriteLine($"Report: {check.PageCount} pages, 3 charts, {pdf.Length / 1024.0:0.0} KB");
        }

        var times = new double[renders];
        for (var i = 0; i < renders; i++)
        {
            var start = Stopwatch.GetTimestamp();
            renderer.Render(report);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        Array.Sort(times);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Single render ({renders} runs after warm-up): median {times[renders / 2]:0.00} ms, p95 {times[(int)(renders * 0.95)]:0.00} ms, min {times[0]:0.00} ms"));

        var writer = new ReportBatchWriter(renderer);
        var batch = Batches.Hundred();
        Console.WriteLine($"Before batches: {Memory()}");
        var batches = ArgValue(args, "--batches", 3);
        for (var run = 1; run <= batches; run++)
        {
            var peakHeap = 0L;
            var progress = new SyncProgress(_ => peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false)));
            long zipBytes;
            TimeSpan elapsed;
            using (var zip = new MemoryStream())
            {
                var start = Stopwatch.GetTimestamp();
                writer.Write(batch, zip, progress);
                elapsed = Stopwatch.GetElapsedTime(start);
                zipBytes = zip.Length;
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Batch {run}: 100 reports into a {zipBytes / 1048576.0:0.0} MB in-memory ZIP in {elapsed.TotalMilliseconds:0} ms; highest GC heap seen {peakHeap / 1048576.0:0.0} MB (uncollected garbage included); after full collection {GC.GetTotalMemory(forceFullCollection: true) / 1048576.0:0.0} MB"));
        }
        Console.WriteLine($"After batches:  {Memory()}");
    }

    private static string Memory()
    {
        using var process = Process.GetCurrentProcess();
        var heapAfterCollect = GC.GetTotalMemory(forceFullCollection: true);
        return string.Create(CultureInfo.InvariantCulture,
            $"peak working set {process.PeakWorkingSet64 / 1048576.0:0.0} MB, working set {process.WorkingSet64 / 1048576.0:0.0} MB, GC heap after full collection {heapAfterCollect / 1048576.0:0.0} MB");
    }

    private static int ArgValue(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    /// <summary>Reports on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
