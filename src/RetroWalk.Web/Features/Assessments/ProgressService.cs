using Microsoft.EntityFrameworkCore;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>Loads a patient's results and builds the progress review (<see cref="ProgressBuilder"/>).</summary>
public sealed class ProgressService(IDbContextFactory<RetroWalkDbContext> dbFactory, ICurrentUser user)
{
    /// <summary>
    /// The review for a patient of the user's clinic, or null. <paramref name="timeline"/> adds programme
    /// periods and weekly dose to the time axis when the caller has them; <paramref name="periodStart"/> and
    /// <paramref name="periodEnd"/> keep only assessments in that period (a report's date range).
    /// </summary>
    public async Task<ProgressReview?> GetAsync(Guid patientId, ProgressTimeline? timeline = null,
        DateOnly? periodStart = null, DateOnly? periodEnd = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .Where(p => p.Id == patientId)
            .Select(p => new ProgressPatient(p.Id, p.GivenName + " " + p.FamilyName, p.RecordNumber, p.PrimaryCondition, p.DateOfBirth))
            .SingleOrDefaultAsync(cancellationToken);
        if (patient is null)
        {
            return null;
        }

        var showKmh = await db.Set<Clinic>().Where(c => c.Id == user.ClinicId).Select(c => c.ShowGaitSpeedInKmh).SingleOrDefaultAsync(cancellationToken);
        var results = await (
                from a in db.Set<Assessment>()
                join r in db.Set<MeasureResult>() on a.Id equals r.AssessmentId
                where a.PatientId == patientId && (periodStart == null || a.Date >= periodStart) && (periodEnd == null || a.Date <= periodEnd)
                select new { a.Date, a.TimePoint, r.CreatedAt, r.MeasureCode, r.Value, r.IsComplete, r.DistanceMetres, r.TimeSeconds, r.AssistiveDevice, r.HandrailUse, r.PercentOfPredicted, r.ItemScores })
            .AsNoTracking()
            .ToListAsync(cancellationToken);

        var rows = results.Select(r => new ProgressResultRow(r.Date, r.TimePoint, r.CreatedAt, r.MeasureCode, r.Value, r.IsComplete,
            r.DistanceMetres, r.TimeSeconds, r.AssistiveDevice, r.HandrailUse, r.PercentOfPredicted,
            r.ItemScores?.Count(kv => kv.Value is not null) ?? 0));
        return ProgressBuilder.Build(patient, rows, timeline, showKmh);
    }
}
