using Microsoft.EntityFrameworkCore;
using RetroWalk.Reports;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Reports;

public sealed record ReportListItem(Guid Id, DateTimeOffset GeneratedAt, string GeneratedBy, DateOnly From, DateOnly To, ReportSections Sections, string FileName);

public sealed record RenderedReport(byte[] Pdf, string FileName);

/// <summary>Progress reports of one patient: the record of each generated report, and its PDF.</summary>
public sealed class ReportService(
    IDbContextFactory<RetroWalkDbContext> dbFactory,
    ReportModelBuilder builder,
    ClinicService clinics,
    IProgressReportRenderer renderer,
    ICurrentUser user,
    ClinicClock clock)
{
    public Task<SaveResult> CreateAsync(Guid patientId, ReportInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => CreateCoreAsync(patientId, input, cancellationToken));

    private async Task<SaveResult> CreateCoreAsync(Guid patientId, ReportInput input, CancellationToken cancellationToken)
    {
        var errors = Validate(input);
        if (!errors.IsValid)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recordNumber = await db.Patients.Where(p => p.Id == patientId).Select(p => p.RecordNumber).SingleOrDefaultAsync(cancellationToken);
        var clinic = await clinics.GetCurrentAsync(cancellationToken);
        if (recordNumber is null || clinic is null)
        {
            return SaveResult.NotFound();
        }

        var report = new GeneratedReport
        {
            ClinicId = user.ClinicId,
            PatientId = patientId,
            From = input.From!.Value,
            To = input.To!.Value,
            Sections = input.Sections,
            PageSize = ReportModelBuilder.PageSizeOf(clinic.ReportPageSize),
            AssessmentAndPlan = FieldText.Clean(input.AssessmentAndPlan),
            FileName = ReportModelBuilder.FileName(recordNumber, clock.Today),
        };
        db.Add(report);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(report.Id, report.Version);
    }

    public static FieldErrors Validate(ReportInput input)
    {
        var errors = FieldErrors.FromAnnotations(input);
        if (input is { From: { } from, To: { } to } && to < from)
        {
            errors.Add(nameof(ReportInput.To), "The end of the period is before its start.");
        }
        if (input.Sections == ReportSections.None)
        {
            errors.Add("", "Choose at least one section.");
        }
        if (!errors.ContainsKey(nameof(ReportInput.AssessmentAndPlan))
            && FieldText.Problem(FieldText.Clean(input.AssessmentAndPlan), "The assessment and plan", ReportInput.AssessmentMaxLength, multiline: true) is { } problem)
        {
            errors.Add(nameof(ReportInput.AssessmentAndPlan), problem);
        }
        return errors;
    }

    /// <summary>The PDF of a generated report of this clinic; null for an unknown or another clinic's report.</summary>
    public async Task<RenderedReport?> RenderAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        await PrepareAsync(reportId, cancellationToken) is { } item
            ? new RenderedReport(renderer.Render(item.Report, item.Options), item.EntryName)
            : null;

    /// <summary>A generated report's data and options, ready to render (alone or in a batch).</summary>
    public async Task<ReportBatchItem?> PrepareAsync(Guid reportId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var report = await db.Set<GeneratedReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return null;
        }

        var model = await builder.BuildAsync(
            new ReportSubject(report.PatientId, report.From, report.To, report.AssessmentAndPlan, report.CreatedBy, report.CreatedAt),
            cancellationToken);
        return model is null
            ? null
            : new ReportBatchItem(report.FileName, model, new ReportOptions { Sections = report.Sections, PageSize = report.PageSize });
    }

    public async Task<IReadOnlyList<ReportListItem>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<GeneratedReport>().AsNoTracking()
            .Where(r => r.PatientId == patientId)
            .OrderByDescending(r => r.CreatedAt)
            .Select(r => new ReportListItem(r.Id, r.CreatedAt, r.CreatedBy, r.From, r.To, r.Sections, r.FileName))
            .ToListAsync(cancellationToken);
    }
}
