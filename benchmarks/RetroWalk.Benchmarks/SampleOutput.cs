using RetroWalk.Reports;
using RetroWalk.Reports.Tests;

namespace RetroWalk.Benchmarks;

/// <summary>Writes sample PDFs to a folder for looking at: --sample DIR.</summary>
internal static class SampleOutput
{
    public static void Write(string[] args)
    {
        var index = Array.IndexOf(args, "--sample");
        var directory = index + 1 < args.Length ? args[index + 1] : Path.Combine(Path.GetTempPath(), "retrowalk-samples");
        Directory.CreateDirectory(directory);
        var renderer = new ProgressReportRenderer();
        var letter = new ReportOptions { PageSize = ReportPageSize.UsLetter };
        Save(directory, "a4.pdf", renderer.Render(SampleReports.Typical()));
        Save(directory, "letter.pdf", renderer.Render(SampleReports.Typical("Łucja Wiśniewska-Nguyễn"), letter));
        Save(directory, "a4-long-history.pdf", renderer.Render(SampleReports.Typical("Αλέξανδρος Παπαδόπουλος", 80)));
        Save(directory, "letter-long-history.pdf", renderer.Render(SampleReports.Typical("Şükrü Çağlayan Iğdır", 80), letter));
        Save(directory, "empty.pdf", renderer.Render(SampleReports.Empty()));
    }

    private static void Save(string directory, string name, byte[] pdf)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, pdf);
        Console.WriteLine(path);
    }
}
