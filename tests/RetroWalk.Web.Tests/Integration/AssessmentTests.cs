using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using static RetroWalk.Web.Tests.Integration.AssessmentData;

namespace RetroWalk.Web.Tests.Integration;

public sealed class AssessmentTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<Guid> CreatePatientAsync(IServiceProvider services, string record) =>
        (await services.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(record), Token)).Id;

    [Fact]
    public async Task AnAssessmentWithBergItemScoresPersistsAndTotalsCorrectly()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic, userName: "Maria Santos");
        var patientId = await CreatePatientAsync(scope.ServiceProvider, "A-1");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var saved = await assessments.CreateAsync(patientId,
            Assessment(Today.AddDays(-21), AssessmentTimePoint.Baseline, BergTotalling(38), TenMetre(10, 22.2m, "quad cane"), Tug(18.4m), SixMinute(240)), Token);

        Assert.True(saved.Succeeded, string.Join(" ", saved.Errors?.SelectMany(e => e.Value) ?? []));
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var results = await db.Set<MeasureResult>().Where(r => r.AssessmentId == saved.Id).ToDictionaryAsync(r => r.MeasureCode, Token);
        var berg = results[MeasureCodes.BergBalanceScale];
        Assert.Equal(38m, berg.Value);
        Assert.True(berg.IsComplete);
        Assert.Equal(BergScoresTotalling(38), berg.ItemScores!.OrderBy(kv => kv.Key).Select(kv => kv.Value!.Value));
        var walk = results[MeasureCodes.TenMetreWalkComfortable];
        Assert.Equal(0.4505m, walk.Value);
        Assert.Equal((10m, 22.2m, "quad cane", (bool?)false), (walk.DistanceMetres!.Value, walk.TimeSeconds!.Value, walk.AssistiveDevice, walk.HandrailUse));
        Assert.Equal(18.4m, results[MeasureCodes.TimedUpAndGo].Value);
        // Enright–Sherrill, woman 162 cm 64 kg, born 14 Mar 1956.
        var sixMinute = results[MeasureCodes.SixMinuteWalk];
        Assert.NotNull(sixMinute.PredictedMetres);
        var expected = 240m / sixMinute.PredictedMetres!.Value * 100m;
        Assert.InRange(sixMinute.PercentOfPredicted!.Value, expected - 0.1m, expected + 0.1m);

        var page = await assessments.PageAsync(patientId, 0, 20, Token);
        Assert.Equal(1, page.TotalCount);
        var listed = Assert.Single(page.Items);
        Assert.Equal("38 points", listed.Results.Single(r => r.MeasureCode == MeasureCodes.BergBalanceScale).Text);
        Assert.Equal("0.45 m/s (10 m in 22.2 s)", listed.Results.Single(r => r.MeasureCode == MeasureCodes.TenMetreWalkComfortable).Text);

        var form = (await assessments.GetForEditAsync(saved.Id, Token))!;
        Assert.Equal("4", form.Results.Single(r => r.MeasureCode == MeasureCodes.BergBalanceScale).Items[11]);

        var audited = await db.Set<AuditEntry>().Where(e => e.EntityType == nameof(MeasureResult) || e.EntityType == nameof(Features.Assessments.Assessment)).ToListAsync(Token);
        Assert.Equal(5, audited.Count);
        Assert.All(audited, e => Assert.Equal(("Maria Santos", AuditAction.Created), (e.UserName, e.Action)));
    }

    [Fact]
    public async Task AnIncompleteItemFormIsSavedWithoutATotalAndIsNotCharted()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await CreatePatientAsync(scope.ServiceProvider, "A-2");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        Assert.True((await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-21), AssessmentTimePoint.Baseline, BergTotalling(38)), Token)).Succeeded);

        var partial = await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-7), AssessmentTimePoint.Interim, Berg(4, 4, 4, 4, 4, 4, 4, 4, 4, 4)), Token);

        Assert.True(partial.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var stored = await db.Set<MeasureResult>().SingleAsync(r => r.AssessmentId == partial.Id, Token);
        Assert.Null(stored.Value);
        Assert.False(stored.IsComplete);
        Assert.Equal(10, stored.ItemScores!.Count(kv => kv.Value is not null));

        var review = (await scope.ServiceProvider.GetRequiredService<ProgressService>().GetAsync(patientId, cancellationToken: Token))!;
        var berg = review.Measures.Single(m => m.Code == MeasureCodes.BergBalanceScale);
        var point = Assert.Single(berg.Points);
        Assert.Equal(38m, point.Value);
        Assert.False(berg.HasChange);
        Assert.Contains("10 of 14 items scored", Assert.Single(berg.Incomplete).Text, StringComparison.Ordinal);
        Assert.Empty(review.Summary);
    }

    [Fact]
    public async Task TheProgressReviewInterpretsBaselineAgainstTheLatestResultForTheCondition()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await CreatePatientAsync(scope.ServiceProvider, "A-3");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-42), AssessmentTimePoint.Baseline, BergTotalling(38), TenMetre(10, 22.2m), Tug(18.4m)), Token);
        await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-1), AssessmentTimePoint.EndOfProgramme, BergTotalling(45), TenMetre(10, 16.1m), Tug(13.0m)), Token);

        var review = (await scope.ServiceProvider.GetRequiredService<ProgressService>().GetAsync(patientId, cancellationToken: Token))!;

        Assert.Equal([MeasureCodes.BergBalanceScale, MeasureCodes.TimedUpAndGo, MeasureCodes.TenMetreWalkComfortable], review.Measures.Select(m => m.Code));
        var berg = review.Measures[0];
        Assert.Equal(("+7 points", "+18.4%", "Improved"), (berg.ChangeText, berg.PercentChangeText, berg.DirectionWord));
        Assert.Equal("Exceeds MDC 2.7 points", berg.Mdc!.Flag);
        Assert.Equal(("chronic stroke", "Alghadir 2018"), (berg.Mdc.PopulationUsed, berg.Mdc.Source?.Label));
        Assert.Equal("No MCID published for chronic stroke", berg.Mcid!.Flag);
        Assert.Equal("Risk of multiple or injurious falls after stroke (Berg ≤ 42)", Assert.Single(berg.BaselineCategories).Text);
        Assert.Equal("Above the stroke multiple-fall cut-off (Berg > 42)", Assert.Single(berg.LatestCategories).Text);
        Assert.Equal((35.3m, 40.7m), (berg.MdcBandLower, berg.MdcBandUpper));
        Assert.Equal([42m], berg.CutOffLines.Select(l => l.Value));

        var tug = review.Measures[1];
        Assert.Equal(("−5.4 s", "Improved"), (tug.ChangeText, tug.DirectionWord));
        Assert.Equal("Exceeds MDC 3.2 s", tug.Mdc!.Flag);
        var speed = review.Measures[2];
        Assert.Equal(("0.45 m/s", "0.62 m/s"), (speed.Baseline!.ValueText, speed.Latest!.ValueText));
        Assert.Equal("10 m in 22.2 s", speed.Baseline.Detail);
        Assert.Equal("chronic stroke, baseline 0.4–0.8 m/s", speed.Mdc!.PopulationUsed);
        Assert.Equal("Limited community ambulator (0.4–0.8 m/s)", speed.LatestCategories[0].Text);
        Assert.Equal(3, review.Summary.Count);
        Assert.StartsWith("TUG time fell 5.4 s (18.4 → 13.0 s)", review.Summary[1].Sentence, StringComparison.Ordinal);
    }

    public static TheoryData<string, Func<AssessmentInput, AssessmentInput>, string> BadInput => new()
    {
        { "Results[0].Items[15]", a => { a.Results[0].Items[15] = "2"; return a; }, "Item 15 is not a Berg Balance Scale item (items are 1–14)." },
        { "Results[0].Items[3]", a => { a.Results[0].Items[3] = "5"; return a; }, "Item 3 (Sitting unsupported): a score of 5 is not allowed; scores are 0–4." },
        { "Results[0].Items[3]", a => { a.Results[0].Items[3] = "2.5"; return a; }, "Item 3 (Sitting unsupported): enter a whole number from 0 to 4." },
        { "Results[1].TimeSeconds", a => { a.Results[1].TimeSeconds = -3m; return a; }, "The time must be more than 0 s." },
        { "Results[1].Value", a => { a.Results[1].TimeSeconds = 3m; return a; }, "10 m in 3 s is 3.33 m/s; gait speed must be more than 0 and at most 3 m/s. Check the distance and time." },
        { "Results[2].TimeSeconds", a => { a.Results[2].TimeSeconds = null; return a; }, "Enter the time in seconds." },
        { "Date", a => { a.Date = new DateOnly(1950, 1, 1); return a; }, "The assessment date cannot be before the patient's date of birth (14 Mar 1956)." },
        { "Date", a => { a.Date = Today.AddDays(1); return a; }, "The assessment date cannot be in the future." },
        { "AssessorName", a => { a.AssessorName = " "; return a; }, "Enter the assessor's name." },
        { "Results", a => { a.Results.Clear(); return a; }, "Choose at least one measure." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedAtItsFieldAndNothingIsSaved(string field, Func<AssessmentInput, AssessmentInput> spoil, string message)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await CreatePatientAsync(scope.ServiceProvider, "BAD-1");
        var input = spoil(Assessment(Today, AssessmentTimePoint.Baseline, BergTotalling(38), TenMetre(10, 22.2m), Tug(18.4m)));

        var result = await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(patientId, input, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, result.Errors![field]);
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Set<Features.Assessments.Assessment>().CountAsync(Token));
        Assert.Equal(0, await db.Set<MeasureResult>().CountAsync(Token));
        Assert.Equal(0, await db.Set<AuditEntry>().CountAsync(e => e.EntityType != nameof(Patient), Token));
    }

    [Fact]
    public async Task ASecondSaveFromAStaleFormIsRefusedAndARemovedMeasureIsArchived()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await CreatePatientAsync(scope.ServiceProvider, "CC-1");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var created = await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-2), AssessmentTimePoint.Baseline, BergTotalling(38), Tug(18.4m)), Token);

        var first = (await assessments.GetForEditAsync(created.Id, Token))!;
        var second = (await assessments.GetForEditAsync(created.Id, Token))!;
        first.Results.RemoveAll(r => r.MeasureCode == MeasureCodes.TimedUpAndGo);
        second.Results.Single(r => r.MeasureCode == MeasureCodes.TimedUpAndGo).TimeSeconds = 12m;

        Assert.True((await assessments.UpdateAsync(created.Id, first, Token)).Succeeded);
        var conflict = await assessments.UpdateAsync(created.Id, second, Token);

        Assert.Equal(SaveStatus.Conflict, conflict.Status);
        Assert.Contains("Someone else changed this assessment", conflict.Message, StringComparison.Ordinal);
        var listed = Assert.Single((await assessments.PageAsync(patientId, 0, 20, Token)).Items);
        Assert.Equal([MeasureCodes.BergBalanceScale], listed.Results.Select(r => r.MeasureCode));
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var tug = await db.Set<MeasureResult>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .SingleAsync(r => r.AssessmentId == created.Id && r.MeasureCode == MeasureCodes.TimedUpAndGo, Token);
        Assert.NotNull(tug.ArchivedAt);
        Assert.Equal(18.4m, tug.Value);
    }

    [Fact]
    public async Task AUserOfAnotherClinicCannotReadOrChangeAssessments()
    {
        var clinicA = await app.CreateClinicAsync();
        var clinicB = await app.CreateClinicAsync();
        Guid patientId;
        SaveResult created;
        await using (var a = app.ScopeFor(clinicA))
        {
            patientId = await CreatePatientAsync(a.ServiceProvider, "ISO-1");
            created = await a.ServiceProvider.GetRequiredService<AssessmentService>()
                .CreateAsync(patientId, Assessment(Today.AddDays(-3), AssessmentTimePoint.Baseline, BergTotalling(38)), Token);
            Assert.True(created.Succeeded);
        }

        await using var b = app.ScopeFor(clinicB, admin: true);
        var assessments = b.ServiceProvider.GetRequiredService<AssessmentService>();
        Assert.Equal(0, (await assessments.PageAsync(patientId, 0, 20, Token)).TotalCount);
        Assert.Null(await assessments.GetForEditAsync(created.Id, Token));
        Assert.Null(await assessments.GetPatientAsync(patientId, Token));
        Assert.Null(await b.ServiceProvider.GetRequiredService<ProgressService>().GetAsync(patientId, cancellationToken: Token));
        var input = Assessment(Today, AssessmentTimePoint.Interim, BergTotalling(45));
        Assert.Equal(SaveStatus.NotFound, (await assessments.CreateAsync(patientId, input, Token)).Status);
        input.Version = created.Version;
        Assert.Equal(SaveStatus.NotFound, (await assessments.UpdateAsync(created.Id, input, Token)).Status);
        Assert.Equal(SaveStatus.NotFound, (await assessments.ArchiveAsync(created.Id, created.Version, Token)).Status);
        var db = b.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Set<MeasureResult>().CountAsync(Token));

        // By URL: clinic B's signed-in user opens clinic A's progress page.
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinicB.TherapistEmail, clinicB.Password);
        var page = await client.GetStringAsync($"/patients/{patientId}/progress", Token);
        Assert.Contains("belongs to another clinic", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Berg", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ArchivingAnAssessmentRemovesItFromTheReviewButKeepsTheRows()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await CreatePatientAsync(scope.ServiceProvider, "ARC-1");
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-10), AssessmentTimePoint.Baseline, Tug(18.4m)), Token);
        var wrong = await assessments.CreateAsync(patientId, Assessment(Today.AddDays(-1), AssessmentTimePoint.Interim, Tug(31m)), Token);

        Assert.True((await assessments.ArchiveAsync(wrong.Id, wrong.Version, Token)).Succeeded);

        var review = (await scope.ServiceProvider.GetRequiredService<ProgressService>().GetAsync(patientId, cancellationToken: Token))!;
        Assert.Equal([18.4m], review.Measures.Single().Points.Select(p => p.Value));
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(1, await db.Set<Features.Assessments.Assessment>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
            .CountAsync(a => a.Id == wrong.Id && a.ArchivedAt != null, Token));
    }
}
