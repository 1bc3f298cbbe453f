using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Web.Data;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Patients;

public enum PatientSort
{
    Name,
    RecordNumber,
    DateOfBirth,
    Condition,
    LastUpdated,
}

public sealed record PatientQuery(
    string? Search = null,
    PatientSort Sort = PatientSort.Name,
    bool Descending = false,
    int Skip = 0,
    int Take = 20,
    bool Archived = false,
    int CountUpTo = CappedCount.ListCap);

public sealed record PatientListItem(
    Guid Id, string GivenName, string FamilyName, string RecordNumber, DateOnly DateOfBirth, int Age,
    Condition PrimaryCondition, DateTimeOffset UpdatedAt, bool IsArchived)
{
    public string FullName => $"{GivenName} {FamilyName}";
}

public sealed record PatientDetails(
    Guid Id, string GivenName, string FamilyName, string RecordNumber, DateOnly DateOfBirth, int Age, Sex Sex,
    Condition PrimaryCondition, AffectedSide AffectedSide, decimal? HeightCm, decimal? WeightKg, int? RestingHeartRate,
    bool TakesBetaBlockers, string? Notes, DateTimeOffset? ArchivedAt, string? ArchivedBy, Guid Version)
{
    public string FullName => $"{GivenName} {FamilyName}";
    public bool IsArchived => ArchivedAt is not null;
}

public sealed class PatientService(IDbContextFactory<RetroWalkDbContext> dbFactory, ClinicClock clock, ICurrentUser user)
{
    public async Task<PagedResult<PatientListItem>> SearchAsync(PatientQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patients = query.Archived
            ? db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).Where(p => p.ArchivedAt != null)
            : db.Patients;

        var terms = string.IsNullOrWhiteSpace(query.Search)
            ? []
            : SearchText.Fold(FieldText.ForQuery(query.Search)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var term in terms)
        {
            patients = patients.Where(p => p.SearchText.Contains(term));
        }

        // Counted up to the cap only: an exact count of a large clinic's patients reads every matching row.
        var total = await CappedCount.OfAsync(patients.OrderBy(p => p.Id).Select(p => p.Id), query.CountUpTo, cancellationToken);

        // A search with few matches sorts them: ordered by the bare column, the planner would rather walk the name (or
        // record number) index until it has a page, which for a rare name that sorts late ("Wiśniewska") is nearly the whole
        // clinic. Appending an empty string keeps the order and its collation but no index provides it, so the rows come
        // from the search index and are sorted. Many matches fill a page early in the index walk, which then stays.
        var few = terms.Length > 0 && !total.MoreThan;
        var sorted = (query.Sort, query.Descending) switch
        {
            (PatientSort.RecordNumber, false) => few ? patients.OrderBy(p => p.RecordNumber + "") : patients.OrderBy(p => p.RecordNumber),
            (PatientSort.RecordNumber, true) => few ? patients.OrderByDescending(p => p.RecordNumber + "") : patients.OrderByDescending(p => p.RecordNumber),
            (PatientSort.DateOfBirth, false) => patients.OrderBy(p => p.DateOfBirth),
            (PatientSort.DateOfBirth, true) => patients.OrderByDescending(p => p.DateOfBirth),
            (PatientSort.Condition, false) => patients.OrderBy(p => p.PrimaryCondition).ThenBy(p => p.FamilyName),
            (PatientSort.Condition, true) => patients.OrderByDescending(p => p.PrimaryCondition).ThenBy(p => p.FamilyName),
            (PatientSort.LastUpdated, false) => patients.OrderBy(p => p.UpdatedAt),
            (PatientSort.LastUpdated, true) => patients.OrderByDescending(p => p.UpdatedAt),
            (_, false) => (few ? patients.OrderBy(p => p.FamilyName + "") : patients.OrderBy(p => p.FamilyName)).ThenBy(p => p.GivenName),
            (_, true) => (few ? patients.OrderByDescending(p => p.FamilyName + "") : patients.OrderByDescending(p => p.FamilyName)).ThenByDescending(p => p.GivenName),
        };

        var rows = await sorted.ThenBy(p => p.Id)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, 200))
            .Select(p => new { p.Id, p.GivenName, p.FamilyName, p.RecordNumber, p.DateOfBirth, p.PrimaryCondition, p.UpdatedAt, p.ArchivedAt })
            .ToListAsync(cancellationToken);

        var today = clock.Today;
        return new PagedResult<PatientListItem>(
            rows.Select(p => new PatientListItem(p.Id, p.GivenName, p.FamilyName, p.RecordNumber, p.DateOfBirth,
                ConditionNames.AgeOn(p.DateOfBirth, today), p.PrimaryCondition, p.UpdatedAt, p.ArchivedAt is not null)).ToList(),
            total.Count, MoreThanTotal: total.MoreThan);
    }

    /// <summary>A patient of the user's clinic, archived or not; null for another clinic's patient.</summary>
    public async Task<PatientDetails?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var p = await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return p is null ? null : new PatientDetails(p.Id, p.GivenName, p.FamilyName, p.RecordNumber, p.DateOfBirth,
            ConditionNames.AgeOn(p.DateOfBirth, clock.Today), p.Sex, p.PrimaryCondition, p.AffectedSide, p.HeightCm, p.WeightKg,
            p.RestingHeartRate, p.TakesBetaBlockers, p.Notes, p.ArchivedAt, p.ArchivedBy, p.Version);
    }

    public async Task<PatientInput?> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var p = await GetAsync(id, cancellationToken);
        return p is null || p.IsArchived ? null : new PatientInput
        {
            GivenName = p.GivenName,
            FamilyName = p.FamilyName,
            DateOfBirth = p.DateOfBirth,
            Sex = p.Sex,
            RecordNumber = p.RecordNumber,
            PrimaryCondition = p.PrimaryCondition,
            AffectedSide = p.AffectedSide,
            HeightCm = p.HeightCm,
            WeightKg = p.WeightKg,
            RestingHeartRate = p.RestingHeartRate,
            TakesBetaBlockers = p.TakesBetaBlockers,
            Notes = p.Notes,
            Version = p.Version,
        };
    }

    public Task<SaveResult> CreateAsync(PatientInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => SaveAsync(null, input, cancellationToken));

    public Task<SaveResult> UpdateAsync(Guid id, PatientInput input, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => SaveAsync(id, input, cancellationToken));

    private async Task<SaveResult> SaveAsync(Guid? id, PatientInput input, CancellationToken cancellationToken)
    {
        await clock.LoadAsync(cancellationToken); // the date checks below must not wait out an outage on a blocked thread
        var errors = Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var recordNumber = FieldText.CleanRecordNumber(input.RecordNumber);
        var key = FieldText.RecordNumberKey(recordNumber);
        if (key.Length > 0 && !errors.ContainsKey(nameof(PatientInput.RecordNumber))
            && await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
                .Where(p => p.RecordNumberKey == key && p.Id != id).Select(p => p.RecordNumber).FirstOrDefaultAsync(cancellationToken) is { } taken)
        {
            errors.Add(nameof(PatientInput.RecordNumber), RecordNumberTaken(recordNumber, taken));
        }
        if (!errors.IsValid)
        {
            return SaveResult.Invalid(errors);
        }

        Patient patient;
        if (id is null)
        {
            patient = new Patient { ClinicId = user.ClinicId };
            db.Patients.Add(patient);
        }
        else
        {
            var existing = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
            if (existing is null)
            {
                return SaveResult.NotFound();
            }
            patient = existing;
            db.Entry(patient).Property(p => p.Version).OriginalValue = input.Version;
        }

        Apply(input, patient);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("patient");
        }
        catch (DbUpdateException ex) when (Database.IsUniqueViolation(ex))
        {
            return SaveResult.Invalid(new FieldErrors { { nameof(PatientInput.RecordNumber), RecordNumberTaken(recordNumber, recordNumber) } });
        }
        return SaveResult.Saved(patient.Id, patient.Version);
    }

    private static string RecordNumberTaken(string typed, string stored) =>
        $"Record number {typed} is already used by another patient of this clinic"
        + (string.Equals(typed, stored, StringComparison.Ordinal) ? "." : $" (as {stored}); record numbers differing only in case or invisible characters are the same.");

    /// <summary>Field-level checks: the data annotations, the text rules, the stored precision and the rules that need today's date.</summary>
    public FieldErrors Validate(PatientInput input)
    {
        var errors = FieldErrors.FromAnnotations(input);
        void Check(string field, string? problem)
        {
            if (problem is not null && !errors.ContainsKey(field))
            {
                errors.Add(field, problem);
            }
        }
        Check(nameof(PatientInput.GivenName), FieldText.Problem(FieldText.Clean(input.GivenName), "The given name", PatientInput.NameMaxLength));
        Check(nameof(PatientInput.FamilyName), FieldText.Problem(FieldText.Clean(input.FamilyName), "The family name", PatientInput.NameMaxLength));
        // Checked as typed, so that a hidden direction character is refused rather than quietly dropped.
        Check(nameof(PatientInput.RecordNumber), FieldText.Problem(FieldText.Clean(input.RecordNumber), "The record number", PatientInput.RecordNumberMaxLength));
        Check(nameof(PatientInput.Notes), FieldText.Problem(FieldText.Clean(input.Notes), "Notes", PatientInput.NotesMaxLength, multiline: true));
        // Stored with one decimal (the column's precision), so what is audited and shown is what was typed.
        Check(nameof(PatientInput.HeightCm), FieldText.PrecisionProblem(input.HeightCm, 1, "The height", "170.3 cm"));
        Check(nameof(PatientInput.WeightKg), FieldText.PrecisionProblem(input.WeightKg, 1, "The weight", "72.5 kg"));
        if (input.DateOfBirth is { } dob)
        {
            var today = clock.Today;
            if (dob > today)
            {
                errors.Add(nameof(PatientInput.DateOfBirth), "The date of birth cannot be in the future.");
            }
            else if (ConditionNames.AgeOn(dob, today) > PatientInput.MaxAgeYears)
            {
                errors.Add(nameof(PatientInput.DateOfBirth), $"The date of birth gives an age over {PatientInput.MaxAgeYears} years; check the year.");
            }
        }
        return errors;
    }

    public Task<SaveResult> ArchiveAsync(Guid id, Guid version, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => ArchiveCoreAsync(id, version, cancellationToken));

    private async Task<SaveResult> ArchiveCoreAsync(Guid id, Guid version, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (patient is null)
        {
            return SaveResult.NotFound();
        }
        db.Entry(patient).Property(p => p.Version).OriginalValue = version;
        patient.ArchivedAt = clock.UtcNow;
        patient.ArchivedBy = user.UserName;
        return await SaveOrConflictAsync(db, patient, cancellationToken);
    }

    /// <summary>Clinic administrators only.</summary>
    public Task<SaveResult> RestoreAsync(Guid id, CancellationToken cancellationToken = default) =>
        DatabaseOutage.GuardAsync(() => RestoreCoreAsync(id, cancellationToken));

    private async Task<SaveResult> RestoreCoreAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!user.IsClinicAdmin)
        {
            return new SaveResult(SaveStatus.Invalid, Message: "Only a clinic administrator can restore an archived patient.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var patient = await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .SingleOrDefaultAsync(p => p.Id == id && p.ArchivedAt != null, cancellationToken);
        if (patient is null)
        {
            return SaveResult.NotFound();
        }
        patient.ArchivedAt = null;
        patient.ArchivedBy = null;
        return await SaveOrConflictAsync(db, patient, cancellationToken);
    }

    private static async Task<SaveResult> SaveOrConflictAsync(RetroWalkDbContext db, Patient patient, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return SaveResult.Saved(patient.Id, patient.Version);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveResult.Conflict("patient");
        }
    }

    private static void Apply(PatientInput input, Patient patient)
    {
        patient.GivenName = FieldText.Clean(input.GivenName);
        patient.FamilyName = FieldText.Clean(input.FamilyName);
        patient.DateOfBirth = input.DateOfBirth!.Value;
        patient.Sex = input.Sex!.Value;
        patient.RecordNumber = FieldText.CleanRecordNumber(input.RecordNumber);
        patient.PrimaryCondition = input.PrimaryCondition!.Value;
        patient.AffectedSide = input.AffectedSide;
        patient.HeightCm = input.HeightCm;
        patient.WeightKg = input.WeightKg;
        patient.RestingHeartRate = input.RestingHeartRate;
        patient.TakesBetaBlockers = input.TakesBetaBlockers;
        patient.Notes = FieldText.Clean(input.Notes) is { Length: > 0 } notes ? notes : null;
        patient.SearchText = Patient.SearchTextOf(patient.GivenName, patient.FamilyName, patient.RecordNumber);
    }
}
