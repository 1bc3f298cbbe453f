using System.IO.Compression;
using System.Text;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Exports;

/// <summary>A finished export: the ZIP, its name, and how much it holds.</summary>
public sealed record ExportFile(byte[] Zip, string FileName, int Patients, int Sessions, int Results);

/// <summary>
/// The CSV exports of sessions and outcome results, identified or de-identified for research, as a ZIP with a data
/// dictionary (and, for research, the de-identification method). Every export is recorded in the access log.
/// </summary>
public sealed class ExportService(ExportRecordReader reader, AccessLog log, ClinicClock clock)
{
    public const string SessionsFile = "sessions.csv";
    public const string OutcomesFile = "outcome-results.csv";
    public const string DictionaryFile = "data-dictionary.csv";
    public const string MethodFile = "METHOD.txt";

    /// <summary>How many patients, sessions and results the request takes, to tell the person before the download.</summary>
    public async Task<(int Patients, int Sessions, int Results)> CountAsync(ExportRequest request, CancellationToken cancellationToken = default)
    {
        var records = await reader.ReadAsync(request, cancellationToken);
        return (records.Patients.Count, records.Sessions.Count, records.ResultCount);
    }

    public async Task<ExportFile> CreateAsync(ExportRequest request, CancellationToken cancellationToken = default)
    {
        var records = await reader.ReadAsync(request, cancellationToken);
        var (sessions, outcomes) = ExportTables.Rows(records, request.Kind);
        var sessionColumns = ExportColumns.Sessions(request.Kind);
        var outcomeColumns = ExportColumns.Outcomes(request.Kind);

        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, SessionsFile, CsvTable.Write(sessionColumns, sessions));
            Add(zip, OutcomesFile, CsvTable.Write(outcomeColumns, outcomes));
            Add(zip, DictionaryFile, CsvTable.Dictionary(
                sessionColumns.Select(c => (SessionsFile, c.Name, c.Description)).Concat(outcomeColumns.Select(c => (OutcomesFile, c.Name, c.Description)))));
            if (request.Kind == ExportKind.Research)
            {
                Add(zip, MethodFile, Encoding.UTF8.GetBytes(Deidentification.Method));
            }
        }
        var name = request.Kind == ExportKind.Research ? "research-export" : "clinic-export";
        var file = new ExportFile(buffer.ToArray(), $"{name}_{clock.Today:yyyy-MM-dd}.zip", records.Patients.Count, sessions.Count, outcomes.Count);
        await log.RecordAsync(request.Kind == ExportKind.Research ? AccessKind.ResearchExportDownloaded : AccessKind.CsvExportDownloaded,
            $"{file.FileName}: {file.Patients} patients, {file.Sessions} sessions, {file.Results} results", null, CancellationToken.None);
        return file;
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
