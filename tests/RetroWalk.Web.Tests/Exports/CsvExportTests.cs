using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Exports;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Exports;

/// <summary>
/// The CSV exports over HTTP on real PostgreSQL: the identified export and its data dictionary, and the research export,
/// which holds none of a seeded patient's identifiers and keeps each patient's intervals.
/// </summary>
public sealed class CsvExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task TheIdentifiedExportHasSessionsOutcomesAndADictionaryOfEveryColumn()
    {
        var (clinic, seeded, client) = await ExportData.SignedInClinicAsync(app, "CSV-1", "Thị Ánh", "Nguyễn");
        using var _ = client;

        using var response = await client.GetAsync("/exports/csv?kind=Identified", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var files = await FilesAsync(response);
        Assert.Equal([ExportService.DictionaryFile, ExportService.OutcomesFile, ExportService.SessionsFile], files.Keys.Order(StringComparer.Ordinal));
        var sessions = Csv.Read(files[ExportService.SessionsFile]);
        var session = Assert.Single(sessions);
        Assert.Equal(("CSV-1", "Thị Ánh", "Nguyễn", "1956-03-14"), (session["record_number"], session["given_name"], session["family_name"], session["date_of_birth"]));
        Assert.Equal((Day(seeded.SessionDate), "Completed", "28", "72", "150", "NearFall"),
            (session["session_date"], session["status"], session["backward_walking_min"], session["resting_hr_bpm"], session["systolic_after_mmhg"], session["adverse_events"]));
        Assert.Equal(ExportData.SessionNote, session["notes"]);
        var outcomes = Csv.Read(files[ExportService.OutcomesFile]);
        Assert.Equal(6, outcomes.Count);
        var berg = outcomes.Single(o => o["measure_code"] == "BBS" && o["assessment_date"] == Day(seeded.BaselineDate));
        Assert.Equal(("38", "{score}", "true"), (berg["value"], berg["unit"], berg["complete"]));
        Assert.StartsWith("1:3;2:3;", berg["item_scores"], StringComparison.Ordinal);
        Assert.Equal("210", outcomes.Single(o => o["measure_code"] == "6MWT" && o["time_point"] == "Baseline")["value"]);

        // The dictionary describes exactly the columns of both files.
        var dictionary = Csv.Read(files[ExportService.DictionaryFile]);
        Assert.Equal(sessions[0].Keys, dictionary.Where(d => d["file"] == ExportService.SessionsFile).Select(d => d["column"]));
        Assert.Equal(outcomes[0].Keys, dictionary.Where(d => d["file"] == ExportService.OutcomesFile).Select(d => d["column"]));
        Assert.All(dictionary, d => Assert.False(string.IsNullOrWhiteSpace(d["description"])));

        var logged = Assert.Single(await ExportData.AccessEventsAsync(app, clinic.Id, AccessKind.CsvExportDownloaded));
        Assert.Contains("1 patients, 1 sessions, 6 results", logged.Target, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheResearchExportHoldsNoIdentifierShiftsDatesKeepingIntervalsAndGroupsTheOldest()
    {
        var clinic = await app.CreateClinicAsync();
        SeededPatient seeded;
        Guid oldest;
        await using (var scope = app.ScopeFor(clinic))
        {
            seeded = await ExportData.PatientWithRecordAsync(scope.ServiceProvider, "RES-7731", "Thị Ánh", "Nguyễn-Wiśniewska");
            oldest = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "RES-0093", "Zofia", "Kowalczyk");
            var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
            await db.Set<Patient>().Where(p => p.Id == oldest).ExecuteUpdateAsync(s => s.SetProperty(p => p.DateOfBirth, new DateOnly(1931, 2, 9)), Token);
            await scope.ServiceProvider.GetRequiredService<Features.Assessments.AssessmentService>().CreateAsync(oldest,
                AssessmentData.Assessment(TestClock.Today.AddDays(-3), Features.Assessments.AssessmentTimePoint.Baseline, AssessmentData.Tug(21.5m)), Token);
        }
        using var client = await ExportData.SignedInAsync(app, clinic);

        using var response = await client.GetAsync("/exports/csv?kind=Research", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var files = await FilesAsync(response);
        Assert.Contains("Safe Harbor", files[ExportService.MethodFile], StringComparison.Ordinal);
        // Study ids are random hexadecimal: taken out before looking for digits of a record number or a year.
        var everything = System.Text.RegularExpressions.Regex.Replace(string.Join("\n", files.Values), "S-[0-9A-F]{8}", "S-id");
        string[] identifiers =
        [
            "Thị", "Ánh", "Nguyễn", "Wiśniewska", "Zofia", "Kowalczyk", "RES-7731", "7731", "RES-0093",
            "1956-03-14", "1931-02-09", "14/03/1956", "1956", "1931",
            "Hoa", "Kraków", "Caught the handrail", "Maria Santos", "Test Therapist", seeded.PatientId.ToString(), oldest.ToString(),
        ];
        Assert.All(identifiers, identifier => Assert.DoesNotContain(identifier, everything, StringComparison.OrdinalIgnoreCase));

        var sessions = Csv.Read(files[ExportService.SessionsFile]);
        var outcomes = Csv.Read(files[ExportService.OutcomesFile]);
        var session = Assert.Single(sessions);
        Assert.Matches("^S-[0-9A-F]{8}$", session["study_id"]);
        Assert.Equal(("Female", "Chronic stroke", "P1"), (session["sex"], session["primary_condition"], session["protocol_code"]));
        // Born 14 March 1956; the programme starts on the Monday two weeks before the test's today (ReportData).
        var start = RetroWalk.Clinical.CalendarWeek.MondayOf(TestClock.Today.AddDays(-14));
        var age = start.Year - 1956 - (start < new DateOnly(start.Year, 3, 14) ? 1 : 0);
        Assert.Equal(age.ToString(CultureInfo.InvariantCulture), session["age_group"]);
        // Dates are moved, never the real ones, and by the same offset for every date of the patient.
        var shiftedSession = DateOnly.Parse(session["session_date"], CultureInfo.InvariantCulture);
        Assert.NotEqual(seeded.SessionDate, shiftedSession);
        var shift = seeded.SessionDate.DayNumber - shiftedSession.DayNumber;
        Assert.InRange(shift, 1, Deidentification.MaxShiftDays);
        Assert.Equal(int.Parse(session["day_of_programme"], CultureInfo.InvariantCulture),
            shiftedSession.DayNumber - DateOnly.Parse(session["programme_start"], CultureInfo.InvariantCulture).DayNumber);
        var mine = outcomes.Where(o => o["study_id"] == session["study_id"]).ToList();
        Assert.Equal(6, mine.Count);
        Assert.All(mine, o => Assert.Equal(session["study_id"], o["study_id"]));
        var baseline = DateOnly.Parse(mine.First(o => o["time_point"] == "Baseline")["assessment_date"], CultureInfo.InvariantCulture);
        var end = DateOnly.Parse(mine.First(o => o["time_point"] == "EndOfProgramme")["assessment_date"], CultureInfo.InvariantCulture);
        Assert.Equal(seeded.BaselineDate.AddDays(-shift), baseline);
        Assert.Equal(seeded.EndDate.DayNumber - seeded.BaselineDate.DayNumber, end.DayNumber - baseline.DayNumber);
        Assert.DoesNotContain(Day(seeded.BaselineDate), mine.Select(o => o["assessment_date"]));
        Assert.DoesNotContain(Day(seeded.EndDate), mine.Select(o => o["assessment_date"]));
        // No free-text column at all.
        Assert.DoesNotContain("notes", sessions[0].Keys);
        Assert.DoesNotContain("assistive_device", outcomes.Count > 0 ? outcomes[0].Keys : []);
        // The 95-year-old is in the oldest group, not by age.
        var old = Assert.Single(outcomes, o => o["study_id"] != session["study_id"]);
        Assert.Equal((Deidentification.OldestAgeGroup, "TUG", "21.5"), (old["age_group"], old["measure_code"], old["value"]));
        Assert.DoesNotContain(outcomes, o => int.TryParse(o["age_group"], CultureInfo.InvariantCulture, out var years) && years > 89);

        Assert.Single(await ExportData.AccessEventsAsync(app, clinic.Id, AccessKind.ResearchExportDownloaded));
    }

    [Fact]
    public async Task ACohortExportTakesOnlyItsPatientsAndAnotherClinicSeesNone()
    {
        var clinic = await app.CreateClinicAsync();
        var other = await app.CreateClinicAsync();
        await using (var scope = app.ScopeFor(clinic))
        {
            await ExportData.PatientWithRecordAsync(scope.ServiceProvider, "COH-1", "Anna", "Nowak");
        }
        using var client = await ExportData.SignedInAsync(app, clinic);
        using var outsider = await ExportData.SignedInAsync(app, other);

        var knee = await FilesAsync(await client.GetAsync("/exports/csv?kind=Identified&condition=KneeOsteoarthritis", Token));
        var stroke = await FilesAsync(await client.GetAsync($"/exports/csv?kind=Identified&condition=ChronicStroke&from={Day(TestClock.Today.AddDays(-5))}", Token));
        var elsewhere = await FilesAsync(await outsider.GetAsync("/exports/csv?kind=Identified", Token));
        using var backwards = await client.GetAsync($"/exports/csv?kind=Identified&from={Day(TestClock.Today)}&to={Day(TestClock.Today.AddDays(-1))}", Token);

        Assert.Empty(Csv.Read(knee[ExportService.SessionsFile]));
        Assert.Empty(Csv.Read(knee[ExportService.OutcomesFile]));
        // From five days ago: the session of two weeks ago and the baseline are outside; the end-of-programme results are in.
        Assert.Empty(Csv.Read(stroke[ExportService.SessionsFile]));
        Assert.Equal(3, Csv.Read(stroke[ExportService.OutcomesFile]).Count);
        Assert.Empty(Csv.Read(elsewhere[ExportService.SessionsFile]));
        Assert.DoesNotContain("Nowak", string.Join("\n", elsewhere.Values), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);

        // A therapist of the same clinic cannot take the clinic's patients away in one file.
        using var therapist = await ExportData.SignedInAsync(app, clinic, therapist: true);
        using var refused = await therapist.GetAsync("/exports/csv?kind=Research", Token);
        Assert.True(refused.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"A therapist got {refused.StatusCode}.");
        Assert.NotEqual("application/zip", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public void AgesOver89AreOneGroupAndStudyIdsAreUniqueWithOffsetsInRange()
    {
        var on = new DateOnly(2026, 11, 25);
        Assert.Equal("89", Deidentification.AgeGroup(new DateOnly(1937, 11, 25), on));
        Assert.Equal("89", Deidentification.AgeGroup(new DateOnly(1936, 11, 26), on));
        Assert.Equal(Deidentification.OldestAgeGroup, Deidentification.AgeGroup(new DateOnly(1936, 11, 25), on));
        Assert.Equal(Deidentification.OldestAgeGroup, Deidentification.AgeGroup(new DateOnly(1920, 1, 1), on));

        var ids = Enumerable.Range(0, 500).Select(i => Guid.CreateVersion7()).ToList();
        var assigned = Deidentification.Assign(ids);
        Assert.Equal(500, assigned.Values.Select(s => s.StudyId).Distinct().Count());
        Assert.All(assigned.Values, s => Assert.InRange(s.ShiftDays, 1, Deidentification.MaxShiftDays));
        var patient = assigned[ids[0]];
        Assert.Equal(19, patient.Shift(new DateOnly(2026, 11, 24)).DayNumber - patient.Shift(new DateOnly(2026, 11, 5)).DayNumber);
    }

    private static async Task<Dictionary<string, string>> FilesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var zip = new ZipArchive(await response.Content.ReadAsStreamAsync(Token));
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            files[entry.FullName] = await reader.ReadToEndAsync(Token);
        }
        return files;
    }
}

/// <summary>Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF) into rows keyed by the header.</summary>
internal static class Csv
{
    public static List<Dictionary<string, string>> Read(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                record.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add(record);
                record = [];
            }
            else
            {
                field.Append(c);
            }
        }
        var header = records[0];
        return [.. records.Skip(1).Select(r => header.Select((name, i) => (name, value: r[i])).ToDictionary(x => x.name, x => x.value, StringComparer.Ordinal))];
    }
}
