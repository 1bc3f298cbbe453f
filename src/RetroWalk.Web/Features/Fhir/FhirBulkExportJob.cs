using System.IO.Compression;
using System.Text;
using System.Text.Json;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Features.Fhir;

/// <summary>
/// Writes the clinic's FHIR bulk export, acting as the person who asked: one NDJSON file per resource type (the FHIR
/// Bulk Data file format: one resource per line, UTF-8) and a manifest.json listing them, in a ZIP. Safe to run
/// again from the start after a restart: it only reads.
/// </summary>
public sealed class FhirBulkExportJob(IServiceScopeFactory scopes) : IJobHandler
{
    public const string JobKind = "fhir-bulk-export";

    private static readonly JsonSerializerOptions ManifestJson = new() { WriteIndented = true };

    public string Kind => JobKind;

    public async Task<string> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var request = job.ParametersAs<FhirBulkRequest>();
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(job.ClinicId, job.RequestedBy).Principal;
        var reader = scope.ServiceProvider.GetRequiredService<PatientRecordReader>();

        var patientIds = await reader.PatientIdsAsync(cancellationToken);
        var total = patientIds.Count;
        // One buffer per resource type: a ZIP is written one entry at a time.
        var files = new SortedDictionary<string, NdjsonFile>(StringComparer.Ordinal);
        await job.ProgressAsync(0, total, $"Exporting {total} patients…");
        for (var i = 0; i < total; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await reader.ReadAsync(patientIds[i], cancellationToken) is { } record)
            {
                foreach (var resource in PatientResources.Map(record))
                {
                    if (!files.TryGetValue(resource.TypeName, out var file))
                    {
                        files[resource.TypeName] = file = new NdjsonFile();
                    }
                    file.Add(FhirJson.Serialize(resource));
                }
            }
            await job.ProgressAsync(i + 1, total, $"{i + 1} of {total} patients exported");
        }

        await using (var result = job.CreateResult())
        using (var zip = new ZipArchive(result, ZipArchiveMode.Create))
        {
            foreach (var (type, file) in files)
            {
                await using var entry = await zip.CreateEntry($"{type}.ndjson", CompressionLevel.Optimal).OpenAsync(cancellationToken);
                await entry.WriteAsync(Encoding.UTF8.GetBytes(file.Lines.ToString()), cancellationToken);
            }
            var manifest = new
            {
                transactionTime = request.RequestedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
                request = "Patient/$export (every patient of the clinic)",
                requiresAccessToken = true,
                output = files.Select(f => new { type = f.Key, url = $"{f.Key}.ndjson", count = f.Value.Count }).ToList(),
                error = Array.Empty<object>(),
            };
            await using var manifestEntry = await zip.CreateEntry("manifest.json", CompressionLevel.Optimal).OpenAsync(cancellationToken);
            await JsonSerializer.SerializeAsync(manifestEntry, manifest, ManifestJson, cancellationToken);
        }
        var resources = files.Values.Sum(f => f.Count);
        return total == 0 ? "The clinic has no patients: the export is empty." : $"{total} patients exported: {resources} resources in {files.Count} files.";
    }

    private sealed class NdjsonFile
    {
        public StringBuilder Lines { get; } = new();

        public int Count { get; private set; }

        public void Add(string line)
        {
            Lines.Append(line).Append('\n');
            Count++;
        }
    }
}
