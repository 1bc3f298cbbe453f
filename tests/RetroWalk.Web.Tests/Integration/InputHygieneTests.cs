using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>Text and numbers as people really type and paste them, through the services to PostgreSQL and back.</summary>
public sealed class InputHygieneTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<int> PatientCountAsync(AsyncServiceScope scope) =>
        await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Patients
            .IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).CountAsync(Token);

    public static TheoryData<string, string, string> RefusedNames => new()
    {
        { nameof(PatientInput.GivenName), "Ana\0Maria", "invisible control character (U+0000)" },
        { nameof(PatientInput.FamilyName), "Kowalska\0", "invisible control character (U+0000)" },
        { nameof(PatientInput.GivenName), "Ana\nMaria", "must be on one line" },
        { nameof(PatientInput.FamilyName), "Nowak\u2028Kowalska", "must be on one line" },
        { nameof(PatientInput.GivenName), "Ana\u0007", "invisible control character (U+0007)" },
        { nameof(PatientInput.FamilyName), "\u202Ekswalwok", "text-direction character (U+202E)" },
        { nameof(PatientInput.RecordNumber), "RW-\u202E1001", "text-direction character (U+202E)" },
        { nameof(PatientInput.RecordNumber), "RW-1001\0", "invisible control character (U+0000)" },
        { nameof(PatientInput.Notes), "Uses a cane\0", "invisible control character (U+0000)" },
        { nameof(PatientInput.GivenName), new string('a', 101), "at most 100 characters; it has 101" },
    };

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public async Task ControlNulAndDirectionCharactersAreRefusedAtTheFieldAndNothingIsSaved(string field, string value, string message)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var input = PatientData.Valid("HYG-1");
        typeof(PatientInput).GetProperty(field)!.SetValue(input, value);

        var result = await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(input, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, Assert.Single(result.Errors![field]), StringComparison.Ordinal);
        Assert.Equal(0, await PatientCountAsync(scope));
    }

    [Fact]
    public async Task SixtyEmojiAreSixtyCharactersAndAreStoredAsTyped()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var emoji = string.Concat(Enumerable.Repeat("😀", 60));
        var clinician = string.Concat(Enumerable.Repeat("👩‍⚕️", 20)); // joined emoji: 20 characters of 5 code units each

        var saved = await patients.CreateAsync(PatientData.Valid("EMO-1", emoji, clinician), Token);

        Assert.True(saved.Succeeded, saved.Message);
        var stored = (await patients.GetAsync(saved.Id, Token))!;
        Assert.Equal((emoji, clinician), (stored.GivenName, stored.FamilyName));
    }

    [Fact]
    public async Task TheLongestFoldingNamesFitTheSearchColumnAndAreFound()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var name = new string('ß', PatientInput.NameMaxLength);

        var saved = await patients.CreateAsync(PatientData.Valid(new string('ß', PatientInput.RecordNumberMaxLength), name, name), Token);

        Assert.True(saved.Succeeded, saved.Message);
        var found = await patients.SearchAsync(new PatientQuery("SSSS"), Token);
        Assert.Equal(saved.Id, Assert.Single(found.Items).Id);
    }

    [Theory]
    [InlineData("rw-1001")]
    [InlineData("RW-1001\u200B")]
    [InlineData(" \uFEFFRw-1001 ")]
    [InlineData("ＲＷ－１００１")]
    public async Task RecordNumbersThatReadTheSameAsAnotherPatientsAreRefused(string typed)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        Assert.True((await patients.CreateAsync(PatientData.Valid("RW-1001"), Token)).Succeeded);

        var second = await patients.CreateAsync(PatientData.Valid(typed, "Jan", "Nowak"), Token);

        Assert.Equal(SaveStatus.Invalid, second.Status);
        Assert.Contains("already used by another patient", Assert.Single(second.Errors![nameof(PatientInput.RecordNumber)]), StringComparison.Ordinal);
        Assert.Equal(1, await PatientCountAsync(scope));
    }

    [Fact]
    public async Task NamesAreStoredComposedAndRecordNumbersWithoutInvisibleCharacters()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var decomposedGiven = "Łucja".Normalize(System.Text.NormalizationForm.FormD);
        var decomposedFamily = "  Wiśniewska-Nguyễn ".Normalize(System.Text.NormalizationForm.FormD);

        var saved = await patients.CreateAsync(PatientData.Valid("RW-2001\u200B", decomposedGiven, decomposedFamily), Token);

        var stored = (await patients.GetAsync(saved.Id, Token))!;
        Assert.Equal(("Łucja", "Wiśniewska-Nguyễn", "RW-2001"), (stored.GivenName, stored.FamilyName, stored.RecordNumber));
        Assert.True(stored.GivenName.IsNormalized(System.Text.NormalizationForm.FormC));
        Assert.Equal(saved.Id, Assert.Single((await patients.SearchAsync(new PatientQuery("wisniewska"), Token)).Items).Id);
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("Wiś\0niewska")]
    [InlineData("\u202E\u0007")]
    public async Task ASearchWithNulOrControlCharactersAnswersInsteadOfFailing(string search)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        await patients.CreateAsync(PatientData.Valid("SRCH-1"), Token);

        var found = await patients.SearchAsync(new PatientQuery(search), Token);

        Assert.Equal(1, found.TotalCount); // the characters are ignored: "Wiś niewska" still finds "Wiśniewska"
    }

    [Fact]
    public async Task HeightAndWeightAreKeptToTheDecimalTheyAreStoredShownAndAuditedWith()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var created = await patients.CreateAsync(PatientData.Valid("PREC-1"), Token);
        var input = (await patients.GetForEditAsync(created.Id, Token))!;

        input.HeightCm = 170.26m;
        input.WeightKg = 72.55m;
        var refused = await patients.UpdateAsync(created.Id, input, Token);
        Assert.Equal(SaveStatus.Invalid, refused.Status);
        Assert.Contains("one decimal place", Assert.Single(refused.Errors![nameof(PatientInput.HeightCm)]), StringComparison.Ordinal);
        Assert.Contains("one decimal place", Assert.Single(refused.Errors![nameof(PatientInput.WeightKg)]), StringComparison.Ordinal);
        Assert.Equal(162m, (await patients.GetAsync(created.Id, Token))!.HeightCm);

        input.HeightCm = 170.3m;
        input.WeightKg = 72.5m;
        Assert.True((await patients.UpdateAsync(created.Id, input, Token)).Succeeded);
        var stored = (await patients.GetAsync(created.Id, Token))!;
        Assert.Equal((170.3m, 72.5m), (stored.HeightCm, stored.WeightKg));

        await using var admin = app.ScopeFor(clinic, admin: true);
        var update = (await admin.ServiceProvider.GetRequiredService<AuditLogService>()
            .SearchAsync(new AuditQuery(EntityId: created.Id), Token)).Items.Single(e => e.Action == AuditAction.Updated);
        Assert.Contains(new FieldChange(nameof(Patient.HeightCm), "162", "170.3"), update.Changes);
        Assert.Contains(new FieldChange(nameof(Patient.WeightKg), "64", "72.5"), update.Changes);
    }

    [Theory]
    [InlineData("Continue\0 three times a week.", "invisible control character (U+0000)")]
    [InlineData("Continue \u202Eweek a", "text-direction character (U+202E)")]
    public async Task AReportPlanWithNulOrDirectionCharactersIsRefusedAtTheFieldAndNothingIsRecorded(string plan, string message)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = (await scope.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("PLAN-1"), Token)).Id;
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();

        var result = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-7), To = TestClock.Today, AssessmentAndPlan = plan }, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, Assert.Single(result.Errors![nameof(ReportInput.AssessmentAndPlan)]), StringComparison.Ordinal);
        Assert.Empty(await reports.ListForPatientAsync(patientId, Token));

        var lines = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-7), To = TestClock.Today, AssessmentAndPlan = "Line one\nLine two" }, Token);
        Assert.True(lines.Succeeded, lines.Message);
    }
}
