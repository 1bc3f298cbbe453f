using Microsoft.EntityFrameworkCore;
using RetroWalk.Reports;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Features.Reports;

/// <param name="Identifier">The identifier printed on the report; null for a report made before identifiers existed and not yet downloaded.</param>
/// <param name="InUnfinishedBatch">Made by a batch that was cancelled, failed or is still running.</param>
public sealed record ReportListItem(Guid Id, DateTimeOffset GeneratedAt, string GeneratedBy, DateOnly From, DateOnly To, ReportSections Sections, string FileName,
    string? Identifier = null, bool InUnfinishedBatch = false);

/// <summary>Progress reports of one patient: the record of each generated report, and its PDF.</summary>
public sealed class ReportService(
    IDbContextFactory<RetroWalkDbContext> dbFactory,
    ClinicService clinics,
    ReportIssuer issuer,
    ICurrentUser user,
    ClinicClock clock)
{
    public Task<SaveResult> CreateAsync(Guid patientId, ReportInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => CreateCoreAsync(patientId, input, null, cancellationToken));

    /// <summary>A report of a batch: recorded like any other, and marked while the batch has not finished.</summary>
    public Task<SaveResult> CreateInBatchAsync(Guid batchId, Guid patientId, ReportInput input, CancellationToken cancellationToken = default) =>
        CreateCoreAsync(patientId, input, batchId, cancellationToken);

    /// <summary>A new report with the same period, sections and assessment as <paramref name="reportId"/>, made from today's data; the earlier report stays as issued.</summary>
    public Task<SaveResult> RegenerateAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(async () =>
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var earlier = await db.Set<GeneratedReport>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == reportId, cancellationToken);
            return earlier is null
                ? SaveResult.NotFound()
                : await CreateCoreAsync(earlier.PatientId, ReportInput.Like(earlier.From, earlier.To, earlier.Sections, earlier.AssessmentAndPlan), null, cancellationToken);
        });

    private async Task<SaveResult> CreateCoreAsync(Guid patientId, ReportInput input, Guid? batchId, CancellationToken cancellationToken)
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
            BatchId = batchId,
        };
        report.Identifier = ReportIdentifier.For(report.Id);
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

    /// <summary>The PDF of a generated report of this clinic, as issued (<see cref="ReportIssuer"/>); null for an unknown or another clinic's report.</summary>
    public Task<RenderedReport?> RenderAsync(Guid reportId, CancellationToken cancellationToken = default) =>
        issuer.IssueAsync(reportId, cancellationToken);

    public async Task<IReadOnlyList<ReportListItem>> ListForPatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await Listed(db, patientId).ToListAsync(cancellationToken);
    }

    /// <summary>One page of the patient's reports, newest first, and how many there are.</summary>
    public async Task<(IReadOnlyList<ReportListItem> Items, int TotalCount)> PageForPatientAsync(Guid patientId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var total = await db.Set<GeneratedReport>().CountAsync(r => r.PatientId == patientId, cancellationToken);
        return (await Listed(db, patientId).Skip(skip).Take(take).ToListAsync(cancellationToken), total);
    }

    private static IQueryable<ReportListItem> Listed(RetroWalkDbContext db, Guid patientId) =>
        db.Set<GeneratedReport>().AsNoTracking()
            .Where(r => r.PatientId == patientId)
            .OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => new ReportListItem(r.Id, r.CreatedAt, r.CreatedBy, r.From, r.To, r.Sections, r.FileName, r.Identifier,
                r.BatchId != null && !db.Set<BackgroundJob>().Any(j => j.Id == r.BatchId && (j.State == JobState.Completed || j.State == JobState.Expired))));
}
