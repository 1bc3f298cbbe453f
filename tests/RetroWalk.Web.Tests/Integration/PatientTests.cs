using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class PatientTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APatientCanBeCreatedEditedArchivedAndRestored()
    {
        var clinic = await app.CreateClinicAsync();
        await using var therapist = app.ScopeFor(clinic);
        var patients = therapist.ServiceProvider.GetRequiredService<PatientService>();

        var created = await patients.CreateAsync(PatientData.Valid("P-100"), Token);
        Assert.True(created.Succeeded);

        var input = (await patients.GetForEditAsync(created.Id, Token))!;
        Assert.Equal("Wiśniewska-Nguyễn", input.FamilyName);
        input.WeightKg = 66.5m;
        var updated = await patients.UpdateAsync(created.Id, input, Token);
        Assert.True(updated.Succeeded);
        Assert.Equal(66.5m, (await patients.GetAsync(created.Id, Token))!.WeightKg);

        Assert.True((await patients.ArchiveAsync(created.Id, updated.Version, Token)).Succeeded);
        Assert.Empty((await patients.SearchAsync(new PatientQuery("P-100"), Token)).Items);
        Assert.True((await patients.GetAsync(created.Id, Token))!.IsArchived);

        // A therapist cannot restore; a clinic administrator can.
        Assert.False((await patients.RestoreAsync(created.Id, Token)).Succeeded);
        await using var admin = app.ScopeFor(clinic, admin: true, userName: "Test Admin");
        var adminPatients = admin.ServiceProvider.GetRequiredService<PatientService>();
        Assert.Single((await adminPatients.SearchAsync(new PatientQuery(Archived: true), Token)).Items);
        Assert.True((await adminPatients.RestoreAsync(created.Id, Token)).Succeeded);
        Assert.Single((await patients.SearchAsync(new PatientQuery("P-100"), Token)).Items);
    }

    /// <summary>
    /// The order of the Unicode Collation Algorithm's root collation (ICU "und"): accented Latin letters sort with
    /// their base letters, and the Greek script after the Latin one. Code-point order would put "Ánh", "Çağlayan"
    /// and "Ó Briain" after "Wiśniewska".
    /// </summary>
    private static readonly string[] NamesInRootOrder = ["Ánh", "Çağlayan", "Ó Briain", "Wiśniewska", "Παπαδόπουλος"];

    [Fact]
    public async Task NamesSortAsPeopleReadThemNotByCodePoint()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        string[] arrival = ["Wiśniewska", "Παπαδόπουλος", "Ó Briain", "Ánh", "Çağlayan"];
        for (var i = 0; i < arrival.Length; i++)
        {
            Assert.True((await patients.CreateAsync(PatientData.Valid($"SORT-{i}", given: "Anna", family: arrival[i]), Token)).Succeeded);
        }

        var ascending = await patients.SearchAsync(new PatientQuery(Sort: PatientSort.Name), Token);
        var descending = await patients.SearchAsync(new PatientQuery(Sort: PatientSort.Name, Descending: true), Token);
        var secondPage = await patients.SearchAsync(new PatientQuery(Sort: PatientSort.Name, Skip: 2, Take: 2), Token);

        Assert.Equal(NamesInRootOrder, ascending.Items.Select(p => p.FamilyName));
        Assert.Equal(NamesInRootOrder.Reverse(), descending.Items.Select(p => p.FamilyName));
        Assert.Equal(NamesInRootOrder[2..4], secondPage.Items.Select(p => p.FamilyName));
    }

    [Fact]
    public async Task TheExpectedNameOrderIsTheDatabasesOwnIcuRootCollation()
    {
        // The expected order above is not made up: the server's ICU root collation gives it.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        var sorted = await db.Database.SqlQueryRaw<string>(
            """SELECT n AS "Value" FROM unnest(ARRAY['Wiśniewska', 'Παπαδόπουλος', 'Ó Briain', 'Ánh', 'Çağlayan']) AS n ORDER BY n COLLATE "und-x-icu" """)
            .ToListAsync(Token);
        Assert.Equal(NamesInRootOrder, sorted);
    }

    [Fact]
    public async Task ArchivingNeverDeletesTheRow()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var created = await patients.CreateAsync(PatientData.Valid("P-ARCH"), Token);
        await patients.ArchiveAsync(created.Id, created.Version, Token);

        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Patients.CountAsync(p => p.Id == created.Id, Token));
        Assert.Equal(1, await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).CountAsync(p => p.Id == created.Id, Token));
    }

    public static TheoryData<string, Action<PatientInput>, string> BadInput => new()
    {
        { nameof(PatientInput.GivenName), p => p.GivenName = "", "Enter the given name." },
        { nameof(PatientInput.FamilyName), p => p.FamilyName = "  ", "Enter the family name." },
        { nameof(PatientInput.DateOfBirth), p => p.DateOfBirth = TestClock.Today.AddDays(1), "The date of birth cannot be in the future." },
        { nameof(PatientInput.DateOfBirth), p => p.DateOfBirth = TestClock.Today.AddYears(-121), "The date of birth gives an age over 120 years; check the year." },
        { nameof(PatientInput.HeightCm), p => p.HeightCm = 49.9m, "Height must be between 50 and 250 cm." },
        { nameof(PatientInput.HeightCm), p => p.HeightCm = 251m, "Height must be between 50 and 250 cm." },
        { nameof(PatientInput.WeightKg), p => p.WeightKg = 19m, "Weight must be between 20 and 350 kg." },
        { nameof(PatientInput.WeightKg), p => p.WeightKg = 351m, "Weight must be between 20 and 350 kg." },
        { nameof(PatientInput.RecordNumber), p => p.RecordNumber = "", "Enter the clinic record number." },
        { nameof(PatientInput.PrimaryCondition), p => p.PrimaryCondition = null, "Choose the primary condition." },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public async Task BadInputIsRefusedAtItsFieldAndNothingIsSaved(string field, Action<PatientInput> spoil, string message)
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var input = PatientData.Valid("BAD-1");
        spoil(input);

        var result = await patients.CreateAsync(input, Token);

        Assert.Equal(SaveStatus.Invalid, result.Status);
        Assert.Contains(message, result.Errors![field]);
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
        Assert.Equal(0, await db.Patients.CountAsync(Token));
        Assert.Equal(0, await db.AuditEntries.CountAsync(Token));
    }

    [Fact]
    public async Task BoundaryHeightsAndWeightsAreAccepted()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var low = PatientData.Valid("EDGE-1");
        (low.HeightCm, low.WeightKg) = (50m, 20m);
        var high = PatientData.Valid("EDGE-2");
        (high.HeightCm, high.WeightKg) = (250m, 350m);
        Assert.True((await patients.CreateAsync(low, Token)).Succeeded);
        Assert.True((await patients.CreateAsync(high, Token)).Succeeded);
    }

    [Fact]
    public async Task ADuplicateRecordNumberInTheSameClinicIsRefusedButAnotherClinicMayUseIt()
    {
        var clinicA = await app.CreateClinicAsync();
        var clinicB = await app.CreateClinicAsync();
        await using var a = app.ScopeFor(clinicA);
        await using var b = app.ScopeFor(clinicB);
        var patientsA = a.ServiceProvider.GetRequiredService<PatientService>();
        Assert.True((await patientsA.CreateAsync(PatientData.Valid("DUP-7"), Token)).Succeeded);

        var duplicate = await patientsA.CreateAsync(PatientData.Valid("DUP-7", "Jürgen", "Größmann"), Token);
        Assert.Equal(SaveStatus.Invalid, duplicate.Status);
        Assert.Contains("already used", duplicate.Errors![nameof(PatientInput.RecordNumber)].Single(), StringComparison.Ordinal);

        Assert.True((await b.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("DUP-7"), Token)).Succeeded);
    }

    [Fact]
    public async Task SearchFindsByAnyPartOfTheNameOrRecordNumberSortsAndPages()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        await patients.CreateAsync(PatientData.Valid("S-1", "Łucja", "Wiśniewska-Nguyễn"), Token);
        await patients.CreateAsync(PatientData.Valid("S-2", "Jürgen", "Größmann"), Token);
        await patients.CreateAsync(PatientData.Valid("S-3", "Αλέξανδρος", "Παπαδόπουλος"), Token);

        Assert.Equal("S-1", (await patients.SearchAsync(new PatientQuery("wiśniewska"), Token)).Items.Single().RecordNumber);
        Assert.Equal("S-1", (await patients.SearchAsync(new PatientQuery("nguyễn łucja"), Token)).Items.Single().RecordNumber);
        Assert.Equal("S-2", (await patients.SearchAsync(new PatientQuery("s-2"), Token)).Items.Single().RecordNumber);
        Assert.Equal("S-3", (await patients.SearchAsync(new PatientQuery("ΠΑΠΑΔΌΠΟΥΛΟΣ"), Token)).Items.Single().RecordNumber);
        Assert.Equal("S-1", (await patients.SearchAsync(new PatientQuery("Wisniewska-Nguyen"), Token)).Items.Single().RecordNumber);
        Assert.Equal("S-2", (await patients.SearchAsync(new PatientQuery("grossmann"), Token)).Items.Single().RecordNumber);

        var firstPage = await patients.SearchAsync(new PatientQuery(Sort: PatientSort.RecordNumber, Descending: true, Take: 2), Token);
        Assert.Equal(3, firstPage.TotalCount);
        Assert.Equal(["S-3", "S-2"], firstPage.Items.Select(p => p.RecordNumber));
        var secondPage = await patients.SearchAsync(new PatientQuery(Sort: PatientSort.RecordNumber, Descending: true, Skip: 2, Take: 2), Token);
        Assert.Equal(["S-1"], secondPage.Items.Select(p => p.RecordNumber));
    }

    [Fact]
    public async Task TheCountStopsAtItsCapAndSaysThereAreMoreWhileEveryPageStillLoads()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        foreach (var n in Enumerable.Range(1, 4))
        {
            await patients.CreateAsync(PatientData.Valid($"CAP-{n}", "Zoë", $"Kowalczyk{n}"), Token);
        }

        var capped = await patients.SearchAsync(new PatientQuery("kowalczyk", Sort: PatientSort.RecordNumber, Take: 2, CountUpTo: 3), Token);
        Assert.Equal(3, capped.TotalCount);
        Assert.True(capped.MoreThanTotal);
        Assert.Equal(["CAP-1", "CAP-2"], capped.Items.Select(p => p.RecordNumber));
        var beyond = await patients.SearchAsync(new PatientQuery("kowalczyk", Sort: PatientSort.RecordNumber, Skip: 2, Take: 2, CountUpTo: 3), Token);
        Assert.Equal(["CAP-3", "CAP-4"], beyond.Items.Select(p => p.RecordNumber));

        var exact = await patients.SearchAsync(new PatientQuery("kowalczyk", CountUpTo: 4), Token);
        Assert.Equal(4, exact.TotalCount);
        Assert.False(exact.MoreThanTotal);
        var one = await patients.SearchAsync(new PatientQuery("zoe kowalczyk3"), Token);
        Assert.Equal((1, false), (one.TotalCount, one.MoreThanTotal));
    }

    [Fact]
    public async Task PatientSearchHasATrigramIndexOnTheFoldedTextThatThePlannerUsesForAFragment()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        var definition = await db.Database.SqlQuery<string>(
            $"SELECT indexdef AS \"Value\" FROM pg_indexes WHERE indexname = {Data.Providers.PostgreSqlProvider.PatientSearchTrigramIndex}").SingleAsync(Token);
        Assert.Contains("gin", definition, StringComparison.Ordinal);
        Assert.Contains("gin_trgm_ops", definition, StringComparison.Ordinal);

        // Without table statistics or many rows the planner prefers a sequential scan; forbid it to see that the index serves LIKE '%…%'.
        await db.Database.OpenConnectionAsync(Token);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SET enable_seqscan = off; EXPLAIN SELECT \"Id\" FROM \"Patients\" WHERE \"SearchText\" LIKE '%wisniewska%'";
        var plan = "";
        await using (var reader = await command.ExecuteReaderAsync(Token))
        {
            while (await reader.ReadAsync(Token))
            {
                plan += reader.GetString(0) + "\n";
            }
        }
        Assert.Contains(Data.Providers.PostgreSqlProvider.PatientSearchTrigramIndex, plan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASecondSaveFromAStaleFormIsRefusedAndTheFirstIsKept()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var created = await patients.CreateAsync(PatientData.Valid("CC-1"), Token);

        var first = (await patients.GetForEditAsync(created.Id, Token))!;
        var second = (await patients.GetForEditAsync(created.Id, Token))!;
        first.Notes = "Uses a quad cane outdoors.";
        second.Notes = "Something else.";

        Assert.True((await patients.UpdateAsync(created.Id, first, Token)).Succeeded);
        var conflict = await patients.UpdateAsync(created.Id, second, Token);

        Assert.Equal(SaveStatus.Conflict, conflict.Status);
        Assert.Contains("Someone else changed this patient", conflict.Message, StringComparison.Ordinal);
        Assert.Equal("Uses a quad cane outdoors.", (await patients.GetAsync(created.Id, Token))!.Notes);
    }

    [Fact]
    public async Task AUserOfAnotherClinicCannotReadOrChangeThePatient()
    {
        var clinicA = await app.CreateClinicAsync();
        var clinicB = await app.CreateClinicAsync();
        Guid id;
        Guid version;
        await using (var a = app.ScopeFor(clinicA))
        {
            var created = await a.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid("ISO-1"), Token);
            (id, version) = (created.Id, created.Version);
        }

        await using var b = app.ScopeFor(clinicB, admin: true);
        var patients = b.ServiceProvider.GetRequiredService<PatientService>();
        Assert.Null(await patients.GetAsync(id, Token));
        Assert.Null(await patients.GetForEditAsync(id, Token));
        Assert.Empty((await patients.SearchAsync(new PatientQuery("ISO-1"), Token)).Items);
        Assert.Equal(SaveStatus.NotFound, (await patients.UpdateAsync(id, PatientData.Valid("ISO-1"), Token)).Status);
        Assert.Equal(SaveStatus.NotFound, (await patients.ArchiveAsync(id, version, Token)).Status);

        // By URL: clinic B's signed-in user opens clinic A's patient page and edit page.
        using var client = app.CreateBrowserlikeClient();
        var signIn = await RetroWalkApp.SignInAsync(client, clinicB.TherapistEmail, clinicB.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var page = await client.GetStringAsync($"/patients/{id}", Token);
        Assert.Contains("belongs to another clinic", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Wiśniewska", page, StringComparison.Ordinal);
        var edit = await client.GetStringAsync($"/patients/{id}/edit", Token);
        Assert.DoesNotContain("Wiśniewska", edit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAuditTrailRecordsWhoChangedWhichFieldsFromWhatToWhat()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic, userName: "Maria Santos");
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var created = await patients.CreateAsync(PatientData.Valid("AUD-2"), Token);
        var input = (await patients.GetForEditAsync(created.Id, Token))!;
        input.WeightKg = 70m;
        input.HeightCm = 163m;
        var updated = await patients.UpdateAsync(created.Id, input, Token);
        await patients.ArchiveAsync(created.Id, updated.Version, Token);

        await using var admin = app.ScopeFor(clinic, admin: true, userName: "Test Admin");
        await admin.ServiceProvider.GetRequiredService<PatientService>().RestoreAsync(created.Id, Token);
        var trail = (await admin.ServiceProvider.GetRequiredService<AuditLogService>()
            .SearchAsync(new AuditQuery(EntityId: created.Id), Token)).Items.OrderBy(e => e.At).ToList();

        Assert.Equal([AuditAction.Created, AuditAction.Updated, AuditAction.Archived, AuditAction.Restored], trail.Select(e => e.Action));
        Assert.All(trail.Take(3), e => Assert.Equal("Maria Santos", e.UserName));
        Assert.Equal("Test Admin", trail[3].UserName);
        Assert.Contains(new FieldChange(nameof(Web.Features.Patients.Patient.FamilyName), null, "Wiśniewska-Nguyễn"), trail[0].Changes);
        Assert.Equal(
            [new FieldChange("HeightCm", "162", "163"), new FieldChange("WeightKg", "64", "70")],
            trail[1].Changes.OrderBy(c => c.Field));
        Assert.Equal("Łucja Wiśniewska-Nguyễn (AUD-2)", trail[0].EntityLabel);
    }

    [Fact]
    public async Task TheAuditAndAccessLogsCountUpToTheirCapAndThenSayMoreThan()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var therapist = app.ScopeFor(clinic))
        {
            foreach (var number in new[] { "CAP-1", "CAP-2", "CAP-3" })
            {
                Assert.True((await therapist.ServiceProvider.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(number), Token)).Succeeded);
                await therapist.ServiceProvider.GetRequiredService<AccessLog>().RecordAsync(AccessKind.PatientViewed, number, cancellationToken: Token);
            }
        }
        await using var admin = app.ScopeFor(clinic, admin: true, userName: "Test Admin");
        var audit = admin.ServiceProvider.GetRequiredService<AuditLogService>();
        var access = admin.ServiceProvider.GetRequiredService<AccessLogService>();

        var cappedAudit = await audit.SearchAsync(new AuditQuery(Take: 1, CountUpTo: 2), Token);
        var exactAudit = await audit.SearchAsync(new AuditQuery(Take: 1), Token);
        var cappedAccess = await access.SearchAsync(new AccessQuery(Kind: AccessKind.PatientViewed, Take: 1, CountUpTo: 2), Token);
        var exactAccess = await access.SearchAsync(new AccessQuery(Kind: AccessKind.PatientViewed, Take: 1, CountUpTo: 3), Token);

        Assert.Equal((2, true), (cappedAudit.TotalCount, cappedAudit.MoreThanTotal));
        Assert.True(exactAudit.TotalCount >= 3 && !exactAudit.MoreThanTotal, $"{exactAudit.TotalCount}");
        Assert.Single(cappedAudit.Items);
        Assert.Equal((2, true), (cappedAccess.TotalCount, cappedAccess.MoreThanTotal));
        Assert.Equal((3, false), (exactAccess.TotalCount, exactAccess.MoreThanTotal));
    }

    [Fact]
    public async Task OnlyAClinicAdministratorCanBrowseTheAuditTrail()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            scope.ServiceProvider.GetRequiredService<AuditLogService>().SearchAsync(new AuditQuery(), Token));
    }
}
