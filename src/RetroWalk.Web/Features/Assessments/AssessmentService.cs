using System.Globalization;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Assessments;

/// <summary>The patient as the assessment pages need them.</summary>
public sealed record AssessmentPatient(Guid Id, string FullName, string RecordNumber, bool IsArchived, PatientFacts Facts);

public sealed record AssessmentListItem(
    Guid Id, DateOnly Date, AssessmentTimePoint TimePoint, string AssessorName, IReadOnlyList<ResultSummary> Results, Guid Version);

/// <summary>A page of a patient's assessments and the number of them all.</summary>
public sealed record AssessmentPage(IReadOnlyList<AssessmentListItem> Items, int TotalCount);

/// <summary>One result as listed: "BBS 38 points", "10MWT comfortable 0.45 m/s (10 m in 22.2 s)", "BBS incomplete (12 of 14 items)".</summary>
public sealed record ResultSummary(string MeasureCode, string ShortName, string Text, bool IsComplete);

public sealed class AssessmentService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user)
{
    public async Task<AssessmentPatient?> GetPatientAsync(Guid patientId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.Set<Patient>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).AsNoTracking()
            .Where(p => p.Id == patientId)
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.RecordNumber, p.ArchivedAt, p.DateOfBirth, p.Sex, p.HeightCm, p.WeightKg, p.PrimaryCondition })
            .SingleOrDefaultAsync(cancellationToken);
        return p is null ? null : new AssessmentPatient(p.Id, $"{p.GivenName} {p.FamilyName}", p.RecordNumber, p.ArchivedAt is not null,
            new PatientFacts(p.DateOfBirth, p.Sex, p.HeightCm, p.WeightKg, p.PrimaryCondition));
    }

    /// <summary>One page of the patient's assessments, newest first, and how many there are.</summary>
    public async Task<AssessmentPage> PageAsync(Guid patientId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Set<Assessment>().AsNoTracking().Where(a => a.PatientId == patientId);
        var total = await query.CountAsync(cancellationToken);
        var assessments = await query
            .Include(a => a.Results.Where(r => r.ArchivedAt == null))
            .OrderByDescending(a => a.Date).ThenByDescending(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip(skip).Take(take)
            .ToListAsync(cancellationToken);
        return new AssessmentPage(
            [.. assessments.Select(a => new AssessmentListItem(a.Id, a.Date, a.TimePoint, a.AssessorName,
                [.. a.Results.OrderBy(r => CatalogueOrder(r.MeasureCode)).Select(Summarise)], a.Version))],
            total);
    }

    public async Task<AssessmentInput?> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var a = await db.Set<Assessment>().AsNoTracking()
            .Include(a => a.Results.Where(r => r.ArchivedAt == null))
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return a is null ? null : new AssessmentInput
        {
            Date = a.Date,
            TimePoint = a.TimePoint,
            AssessorName = a.AssessorName,
            Notes = a.Notes,
            Version = a.Version,
            Results = [.. a.Results.OrderBy(r => CatalogueOrder(r.MeasureCode)).Select(r => new MeasureResultInput
            {
                MeasureCode = r.MeasureCode,
                Items = r.ItemScores?.ToDictionary(kv => kv.Key, kv => kv.Value?.ToString(CultureInfo.InvariantCulture)) ?? [],
                DistanceMetres = r.DistanceMetres,
                TimeSeconds = r.TimeSeconds,
                AssistiveDevice = r.AssistiveDevice,
                HandrailUse = r.HandrailUse ?? false,
            })],
        };
    }

    /// <summary>The patient an assessment belongs to (for the edit page's header and links).</summary>
    public async Task<Guid?> GetPatientIdAsync(Guid assessmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<Assessment>().Where(a => a.Id == assessmentId).Select(a => (Guid?)a.PatientId).SingleOrDefaultAsync(cancellationToken);
    }

    public Task<SaveResult> CreateAsync(Guid patientId, AssessmentInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => CreateCoreAsync(patientId, input, cancellationToken));

    private async Task<SaveResult> CreateCoreAsync(Guid patientId, AssessmentInput input, CancellationToken cancellationToken)
    {
        var patient = await GetPatientAsync(patientId, cancellationToken);
        if (patient is null || patient.IsArchived)
        {
            return SaveResult.NotFound();
        }

        var (errors, evaluations) = Validate(input, patient.Facts);
        if (!errors.IsValid)
        {
            return SaveResult.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = new Assessment { ClinicId = user.ClinicId, PatientId = patientId };
        Apply(input, assessment);
        foreach (var (result, evaluation) in input.Results.Zip(evaluations))
        {
            var entity = new MeasureResult { ClinicId = user.ClinicId, AssessmentId = assessment.Id };
            Apply(result, evaluation, entity);
            assessment.Results.Add(entity);
        }

        db.Set<Assessment>().Add(assessment);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(assessment.Id, assessment.Version);
    }

    /// <summary>
    /// Saves the form over the assessment. The assessment's <see cref="ClinicalRecord.Version"/> guards the
    /// whole form: it is renewed on every save, so a second save from a stale form is refused.
    /// A measure taken off the form is archived, not deleted.
    /// </summary>
    public Task<SaveResult> UpdateAsync(Guid id, AssessmentInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => UpdateCoreAsync(id, input, cancellationToken));

    private async Task<SaveResult> UpdateCoreAsync(Guid id, AssessmentInput input, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Set<Assessment>()
            .Include(a => a.Results.Where(r => r.ArchivedAt == null))
            .SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return SaveResult.NotFound();
        }

        var patient = await GetPatientAsync(assessment.PatientId, cancellationToken);
        if (patient is null || patient.IsArchived)
        {
            return SaveResult.NotFound();
        }

        var (errors, evaluations) = Validate(input, patient.Facts);
        if (!errors.IsValid)
        {
            return SaveResult.Invalid(errors);
        }

        db.Entry(assessment).Property(a => a.Version).OriginalValue = input.Version;
        Apply(input, assessment);
        var existing = assessment.Results.ToDictionary(r => r.MeasureCode, StringComparer.OrdinalIgnoreCase);
        foreach (var (result, evaluation) in input.Results.Zip(evaluations))
        {
            if (!existing.Remove(evaluation.Measure.Code, out var entity))
            {
                entity = new MeasureResult { ClinicId = assessment.ClinicId, AssessmentId = assessment.Id };
                assessment.Results.Add(entity);
            }
            Apply(result, evaluation, entity);
        }

        foreach (var removed in existing.Values)
        {
            removed.ArchivedAt = clock.UtcNow;
            removed.ArchivedBy = user.UserName;
        }

        // Renewed even when only results changed, so the concurrency check covers the whole form.
        assessment.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("assessment");
        }
        return SaveResult.Saved(assessment.Id, assessment.Version);
    }

    public Task<SaveResult> ArchiveAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => ArchiveCoreAsync(id, version, cancellationToken));

    private async Task<SaveResult> ArchiveCoreAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (assessment is null)
        {
            return SaveResult.NotFound();
        }

        db.Entry(assessment).Property(a => a.Version).OriginalValue = version;
        assessment.ArchivedAt = clock.UtcNow;
        assessment.ArchivedBy = user.UserName;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("assessment");
        }
        return SaveResult.Saved(assessment.Id, assessment.Version);
    }

    /// <summary>Every field-level check of the form; nothing is saved unless the errors are empty.</summary>
    public (FieldErrors Errors, IReadOnlyList<ResultEvaluation> Evaluations) Validate(AssessmentInput input, PatientFacts patient)
    {
        var errors = new FieldErrors();
        if (input.Date is not { } date)
        {
            errors.Add(nameof(AssessmentInput.Date), "Enter the assessment date.");
        }
        else if (date > clock.Today)
        {
            errors.Add(nameof(AssessmentInput.Date), "The assessment date cannot be in the future.");
        }
        else if (date < patient.DateOfBirth)
        {
            errors.Add(nameof(AssessmentInput.Date), $"The assessment date cannot be before the patient's date of birth ({patient.DateOfBirth:d MMM yyyy}).");
        }

        if (input.TimePoint is null || !Enum.IsDefined(input.TimePoint.Value))
        {
            errors.Add(nameof(AssessmentInput.TimePoint), "Choose the time point.");
        }

        if (string.IsNullOrWhiteSpace(input.AssessorName))
        {
            errors.Add(nameof(AssessmentInput.AssessorName), "Enter the assessor's name.");
        }
        else if (input.AssessorName.Trim().Length > Assessment.AssessorNameMaxLength)
        {
            errors.Add(nameof(AssessmentInput.AssessorName), $"The assessor's name can have at most {Assessment.AssessorNameMaxLength} characters.");
        }

        if (input.Notes is { Length: > Assessment.NotesMaxLength })
        {
            errors.Add(nameof(AssessmentInput.Notes), $"Notes can have at most {Assessment.NotesMaxLength} characters.");
        }

        if (input.Results.Count == 0)
        {
            errors.Add(nameof(AssessmentInput.Results), "Choose at least one measure.");
        }

        foreach (var duplicate in input.Results.GroupBy(r => r.MeasureCode, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            errors.Add(nameof(AssessmentInput.Results), $"{duplicate.Key} is on the form more than once.");
        }

        var evaluations = new List<ResultEvaluation>();
        for (var i = 0; i < input.Results.Count; i++)
        {
            if (ResultRules.Evaluate(input.Results[i], AssessmentInput.ResultKey(i), errors, patient, input.Date) is { } evaluation)
            {
                evaluations.Add(evaluation);
            }
        }
        return (errors, evaluations);
    }

    private static void Apply(AssessmentInput input, Assessment assessment)
    {
        assessment.Date = input.Date!.Value;
        assessment.TimePoint = input.TimePoint!.Value;
        assessment.AssessorName = input.AssessorName.Trim();
        assessment.Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim();
    }

    internal static void Apply(MeasureResultInput input, ResultEvaluation evaluation, MeasureResult entity)
    {
        var kind = MeasureEntry.KindOf(evaluation.Measure);
        var walking = MeasureEntry.IsWalkingTest(evaluation.Measure.Code);
        entity.MeasureCode = evaluation.Measure.Code;
        entity.Value = evaluation.Value;
        entity.IsComplete = evaluation.IsComplete;
        entity.ItemScores = evaluation.Items;
        entity.DistanceMetres = kind is MeasureEntryKind.DistanceAndTime or MeasureEntryKind.Distance ? input.DistanceMetres
            : evaluation.Measure.Code == MeasureCodes.ThreeMetreBackwardWalk ? MeasureScoring.BackwardWalkDistance : null;
        entity.TimeSeconds = kind is MeasureEntryKind.DistanceAndTime or MeasureEntryKind.Time ? input.TimeSeconds : null;
        entity.AssistiveDevice = walking && !string.IsNullOrWhiteSpace(input.AssistiveDevice) ? input.AssistiveDevice.Trim() : null;
        entity.HandrailUse = walking ? input.HandrailUse : null;
        entity.PredictedMetres = evaluation.Prediction?.PredictedMetres is { } predicted ? decimal.Round(predicted, 1) : null;
        entity.PercentOfPredicted = evaluation.PercentOfPredicted;
        entity.PredictionNote = evaluation.Prediction is { } p ? p.NotApplicableReason ?? p.Caveat : null;
    }

    internal static int CatalogueOrder(string code)
    {
        for (var i = 0; i < MeasureCatalogue.All.Count; i++)
        {
            if (string.Equals(MeasureCatalogue.All[i].Code, code, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return int.MaxValue;
    }

    internal static ResultSummary Summarise(MeasureResult r)
    {
        if (!MeasureCatalogue.TryGet(r.MeasureCode, out var m))
        {
            return new ResultSummary(r.MeasureCode, r.MeasureCode, "unknown measure", r.IsComplete);
        }

        if (!r.IsComplete || r.Value is not { } value)
        {
            var scored = r.ItemScores?.Count(kv => kv.Value is not null) ?? 0;
            return new ResultSummary(m.Code, m.ShortName, $"incomplete ({scored} of {m.Items.Count} items), not charted", false);
        }

        var text = m.WithUnit(value);
        if (r.MeasureCode is MeasureCodes.TenMetreWalkComfortable or MeasureCodes.TenMetreWalkFast && r.DistanceMetres is { } d && r.TimeSeconds is { } t)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({d:0.##} m in {t:0.0#} s)");
        }
        else if (r.MeasureCode == MeasureCodes.SixMinuteWalk && r.PercentOfPredicted is { } pct)
        {
            text += $" ({MeasureFormat.Percent(pct)} of predicted)";
        }
        return new ResultSummary(m.Code, m.ShortName, text, true);
    }
}
