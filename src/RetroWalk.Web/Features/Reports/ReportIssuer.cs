using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Reports;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Reports;

/// <summary>A report's PDF as issued: its bytes, the file name, their SHA-256 and the identifier printed on it.</summary>
public sealed record RenderedReport(byte[] Pdf, string FileName, string Sha256, string Identifier);

/// <summary>
/// Issues reports: the first request for a report's PDF renders it from the data of that moment and stores the
/// bytes with their SHA-256; every later request gets those stored bytes, so a report handed to a physician
/// never changes when the records it was made from are edited. Two first requests at once store one PDF: the
/// second finds the first one's and returns it.
/// </summary>
public sealed class ReportIssuer(
    IDbContextFactory<RetroWalkDbContext> dbFactory,
    ReportModelBuilder builder,
    IProgressReportRenderer renderer,
    ICurrentUser user,
    TimeProvider time,
    RetroWalkMetrics metrics)
{
    /// <summary>The issued PDF of a report of this clinic; null for an unknown or another clinic's report.</summary>
    public async Task<RenderedReport?> IssueAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.Set<GeneratedReport>().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }
        if (await StoredAsync(db, report, cancellationToken) is { } stored)
        {
            return stored;
        }

        // A report made before identifiers existed gets its identifier now, before its PDF is made.
        report.Identifier ??= ReportIdentifier.For(report.Id);
        var model = await builder.BuildAsync(
            new ReportSubject(report.PatientId, report.From, report.To, report.AssessmentAndPlan, report.CreatedBy, report.CreatedAt, report.Identifier),
            cancellationToken);
        if (model is null)
        {
            return null;
        }
        var pdf = renderer.Render(model, new ReportOptions { Sections = report.Sections, PageSize = report.PageSize });
        metrics.ReportRendered(inBatch: report.BatchId is not null);
        db.Add(new ReportPdf
        {
            ReportId = report.Id,
            ClinicId = report.ClinicId,
            Pdf = pdf,
            Sha256 = Sha256Of(pdf),
            IssuedAt = time.GetUtcNow(),
            IssuedBy = user.UserName,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (Database.IsUniqueViolation(exception) || exception is DbUpdateConcurrencyException)
        {
            // Issued by someone else a moment ago: theirs is the report.
            db.ChangeTracker.Clear();
            var reloaded = await db.Set<GeneratedReport>().AsNoTracking().SingleAsync(r => r.Id == reportId, cancellationToken);
            return await StoredAsync(db, reloaded, cancellationToken);
        }
        return new RenderedReport(pdf, report.FileName, Sha256Of(pdf), report.Identifier);
    }

    public static string Sha256Of(byte[] pdf) => Convert.ToHexStringLower(SHA256.HashData(pdf));

    private static async Task<RenderedReport?> StoredAsync(RetroWalkDbContext db, GeneratedReport report, CancellationToken cancellationToken) =>
        await db.Set<ReportPdf>().AsNoTracking().Where(p => p.ReportId == report.Id)
            .Select(p => new RenderedReport(p.Pdf, report.FileName, p.Sha256, report.Identifier ?? ReportIdentifier.For(report.Id)))
            .SingleOrDefaultAsync(cancellationToken);
}
