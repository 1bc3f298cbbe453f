using System.IO.Compression;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Features.Reports;

/// <summary>
/// Runs a report batch on the background work queue, acting as the person who started it. Safe to run again for
/// the same batch (after a restart): reports it already recorded are reused, and their PDFs, once issued, are
/// not rendered again. The ZIP is written afresh each time and its entry names are unique by construction.
/// </summary>
public sealed class ReportBatchJob(IServiceScopeFactory scopes) : IJobHandler
{
    public const string JobKind = "report-batch";

    public string Kind => JobKind;

    public async Task<string> RunAsync(JobContext job, CancellationToken cancellationToken)
    {
        var request = job.ParametersAs<BatchRequest>();
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        services.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(job.ClinicId, job.RequestedBy).Principal;

        List<Guid> patientIds;
        Dictionary<Guid, Guid> recorded;
        await using (var db = await services.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            patientIds = await PatientsInPeriod(db, request).OrderBy(id => id).ToListAsync(cancellationToken);
            recorded = await db.Set<GeneratedReport>().Where(r => r.BatchId == job.JobId)
                .ToDictionaryAsync(r => r.PatientId, r => r.Id, cancellationToken);
        }

        var reports = services.GetRequiredService<ReportService>();
        var issuer = services.GetRequiredService<ReportIssuer>();
        var names = new ZipEntryNames();
        var total = patientIds.Count;
        await job.ProgressAsync(0, total, $"Preparing {total} reports…");
        await using (var file = job.CreateResult())
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            for (var i = 0; i < total; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!recorded.TryGetValue(patientIds[i], out var reportId))
                {
                    var saved = await reports.CreateInBatchAsync(job.JobId, patientIds[i], new ReportInput { From = request.From, To = request.To }, cancellationToken);
                    reportId = saved.Succeeded ? saved.Id : Guid.Empty;
                }
                if (reportId != Guid.Empty && await issuer.IssueAsync(reportId, cancellationToken) is { } issued)
                {
                    await using var entry = await zip.CreateEntry(names.For(issued.FileName), CompressionLevel.NoCompression).OpenAsync(cancellationToken);
                    await entry.WriteAsync(issued.Pdf, cancellationToken);
                }
                await job.ProgressAsync(i + 1, total, $"{i + 1} of {total} reports ready");
            }
        }
        return total == 0 ? "No active or completed programmes in that period: the ZIP is empty." : $"{total} reports ready.";
    }

    /// <summary>
    /// Patients with an active or completed programme that overlaps the period: started by its last day and not
    /// ended before its first. The clinic filter of the acting user applies.
    /// </summary>
    public static IQueryable<Guid> PatientsInPeriod(RetroWalkDbContext db, BatchRequest request)
    {
        var programmes = db.Set<Programme>().Where(p =>
            (p.Status == ProgrammeStatus.Active || p.Status == ProgrammeStatus.Completed)
            && p.StartDate <= request.To
            && (p.EndedOn == null || p.EndedOn >= request.From));
        if (!string.IsNullOrEmpty(request.TherapistUserId))
        {
            programmes = programmes.Where(p => p.TherapistUserId == request.TherapistUserId);
        }
        return programmes.Select(p => p.PatientId).Distinct();
    }
}

/// <summary>File names inside one ZIP, unique by construction: a name already given (in any letter case) gets "-2", "-3"… before its extension.</summary>
public sealed class ZipEntryNames
{
    private readonly HashSet<string> given = new(StringComparer.OrdinalIgnoreCase);

    public string For(string fileName)
    {
        var name = fileName;
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var extension = Path.GetExtension(fileName);
        for (var n = 2; !given.Add(name); n++)
        {
            name = $"{stem}-{n}{extension}";
        }
        return name;
    }
}
