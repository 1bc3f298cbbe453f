using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Validator = Firely.Fhir.Validation.Validator;
using Hl7.Fhir.Model;
using Hl7.Fhir.Specification.Source;
using Hl7.Fhir.Specification.Terminology;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Fhir;
using RetroWalk.Web.Infrastructure.Jobs;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;
using FhirPatient = Hl7.Fhir.Model.Patient;
using Task = System.Threading.Tasks.Task;

namespace RetroWalk.Web.Tests.Exports;

/// <summary>
/// The FHIR R4 export on real PostgreSQL through the real HTTP pipeline: Patient $everything and the clinic's bulk
/// export. Every resource parses back with the Firely SDK and validates against the R4 base profiles.
/// </summary>
public sealed partial class FhirExportTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly Lazy<Validator> R4Validator = new(() =>
    {
        var resolver = new CachedResolver(ZipSource.CreateValidationSource());
        return new Validator(resolver, new LocalTerminologyService(resolver));
    });

    [Fact]
    public async Task EverythingIsABundleWhoseResourcesParseValidateAndReferOnlyToEachOther()
    {
        var (clinic, seeded, client) = await ExportData.SignedInClinicAsync(app, "FHIR-1", "Thị Ánh", "Nguyễn-Wiśniewska");
        using var _ = client;

        using var response = await client.GetAsync($"/fhir/Patient/{seeded.PatientId}/$everything", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FhirJson.MediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore);
        var json = await response.Content.ReadAsStringAsync(Token);
        var bundle = FhirJson.Parse<Bundle>(json);
        Assert.Equal(Bundle.BundleType.Searchset, bundle.Type);
        var resources = bundle.Entry.Select(e => e.Resource!).ToList();
        Assert.Equal(bundle.Total, resources.Count);

        // Every resource parses back alone, and is valid against its R4 base profile.
        var problems = new List<string>();
        foreach (var resource in resources)
        {
            var again = JsonSerializer.Deserialize<Resource>(FhirJson.Serialize(resource), FhirJson.Compact)!;
            Assert.Equal((resource.TypeName, resource.Id), (again.TypeName, again.Id));
            var outcome = R4Validator.Value.Validate(again);
            problems.AddRange(outcome.Issue
                .Where(i => i.Severity is OperationOutcome.IssueSeverity.Error or OperationOutcome.IssueSeverity.Fatal)
                .Select(i => $"{resource.TypeName}/{resource.Id}: {i.Details?.Text ?? i.Diagnostics} at {string.Join(",", i.Expression)}"));
        }
        Assert.Empty(problems);
        // The validator does refuse what the base profiles forbid: an Observation without status or code.
        Assert.Contains(R4Validator.Value.Validate(new Observation()).Issue, i => i.Severity == OperationOutcome.IssueSeverity.Error);

        // Every reference points at a resource in the Bundle; every full URL ends with its resource's type and id.
        var present = resources.Select(r => $"{r.TypeName}/{r.Id}").ToHashSet(StringComparer.Ordinal);
        Assert.Equal(resources.Count, present.Count);
        Assert.All(bundle.Entry, e => Assert.EndsWith($"/fhir/{e.Resource!.TypeName}/{e.Resource.Id}", e.FullUrl, StringComparison.Ordinal));
        var references = resources.SelectMany(r => ReferencePattern().Matches(FhirJson.Serialize(r)).Select(m => m.Groups[1].Value)).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference, present));
        var canonicals = resources.OfType<PlanDefinition>().Select(p => $"{p.Url}|{p.Version}")
            .Concat(resources.OfType<ActivityDefinition>().Select(a => $"{a.Url}|{a.Version}")).ToHashSet(StringComparer.Ordinal);
        var carePlan = Assert.Single(resources.OfType<CarePlan>());
        Assert.Contains(Assert.Single(carePlan.InstantiatesCanonical)!, canonicals);
        Assert.Contains(Assert.Single(carePlan.Activity.Single().Detail!.InstantiatesCanonical)!, canonicals);
        Assert.Contains(Assert.IsType<Canonical>(Assert.Single(resources.OfType<PlanDefinition>()).Action.Single().Definition).Value!, canonicals);

        // The Vietnamese and Polish name round-trips exactly.
        var patient = Assert.Single(resources.OfType<FhirPatient>());
        Assert.Equal("Nguyễn-Wiśniewska", patient.Name.Single().Family);
        Assert.Equal(["Thị Ánh"], patient.Name.Single().Given);
        Assert.Equal("FHIR-1", patient.Identifier.Single().Value);
        Assert.Equal("1956-03-14", patient.BirthDate);

        // The session: a completed Procedure with its near-fall, and vital signs with verified LOINC codes and UCUM units.
        var procedure = Assert.Single(resources.OfType<Procedure>(), p => p.Id == seeded.SessionId.ToString());
        Assert.Equal(EventStatus.Completed, procedure.Status);
        Assert.Equal("NearFall", procedure.Complication.Single().Coding.Single().Code);
        var readings = resources.OfType<Observation>().Where(o => o.PartOf.Any(p => p.Reference == $"Procedure/{procedure.Id}")).ToList();
        AssertReading(readings, "40443-4", 72, "/min");
        AssertReading(readings, "8480-6", 130, "mm[Hg]", "sbp-rest");
        AssertReading(readings, "8462-4", 80, "mm[Hg]", "dbp-rest");
        AssertReading(readings, "8867-4", 110, "/min", "hr-peak");
        AssertReading(readings, "8867-4", 90, "/min", "hr-after");
        AssertReading(readings, "8480-6", 150, "mm[Hg]", "sbp-after");
        AssertReading(readings, "55411-3", 28, "min");
        Assert.All(readings.Where(o => o.Code!.Coding.Any(c => c.System == FhirCodes.Loinc && c.Code is "8867-4" or "40443-4" or "8480-6" or "8462-4")),
            o => Assert.Equal("vital-signs", o.Category.Single().Coding.Single().Code));
        Assert.Equal((12m, "{score}"), (Amount(Assert.Single(readings, o => o.Code!.Coding.Any(c => c.Code == "rpe"))), Quantity(Assert.Single(readings, o => o.Code!.Coding.Any(c => c.Code == "rpe"))).Code));

        // Outcomes: 6MWT with its LOINC code, gait speed with its method, Berg derived from its item scores.
        var sixMinute = resources.OfType<Observation>().Where(o => o.Code!.Coding.Any(c => c is { System: FhirCodes.Loinc, Code: "64098-7" })).ToList();
        Assert.Equal([210m, 262m], sixMinute.Select(Amount).Order());
        Assert.All(sixMinute, o => Assert.Equal(("m", FhirCodes.Ucum, "exam"), (Quantity(o).Code, Quantity(o).System, o.Category.Single().Coding.Single().Code)));
        var gait = resources.OfType<Observation>().Where(o => o.Code!.Coding.Any(c => c is { System: FhirCodes.Measure, Code: "10MWT-C" })).ToList();
        Assert.Equal(2, gait.Count);
        Assert.All(gait, o => Assert.Equal(("comfortable", "m/s"), (o.Method!.Coding.Single().Code, Quantity(o).Code)));
        Assert.All(gait, o => Assert.DoesNotContain(o.Code!.Coding, c => c.System == FhirCodes.Loinc));
        var berg = resources.OfType<Observation>().Where(o => o.Code!.Coding.Any(c => c is { System: FhirCodes.Measure, Code: "BBS" })).ToList();
        Assert.Equal([38m, 45m], berg.Select(Amount).Order());
        foreach (var observation in berg)
        {
            var items = Assert.IsType<QuestionnaireResponse>(resources.Single(r => $"{r.TypeName}/{r.Id}" == observation.DerivedFrom.Single().Reference));
            Assert.Equal(14, items.Item.Count);
            Assert.Equal(Amount(observation), items.Item.Sum(i => Assert.IsType<Integer>(i.Answer.Single().Value).Value!.Value));
            Assert.Equal("{score}", Quantity(observation).Code);
        }

        // Provenance from the audit trail: the patient's creation, by the therapist who did it.
        Assert.Contains(resources.OfType<Provenance>(), p => p.Target.Single().Reference == $"Patient/{seeded.PatientId}"
            && p.Activity!.Coding.Single().Code == "CREATE" && p.Agent.Single().Who!.Display == "Test Therapist");
        Assert.Contains(resources.OfType<Provenance>(), p => p.Target.Single().Reference == $"Procedure/{seeded.SessionId}");

        // The read is in the access log.
        Assert.Equal(seeded.PatientId.ToString(), Assert.Single(await ExportData.AccessEventsAsync(app, clinic.Id, AccessKind.FhirRecordRead)).TargetId);
    }

    [Fact]
    public async Task AnotherClinicsPatientIsNotFoundAndNobodySignedOutGetsAnything()
    {
        var clinic = await app.CreateClinicAsync();
        var other = await app.CreateClinicAsync();
        Guid patientId;
        await using (var scope = app.ScopeFor(clinic))
        {
            patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "FHIR-2", "Anna", "Nowak");
        }
        using var outsider = await ExportData.SignedInAsync(app, other);
        using var anonymous = app.CreateBrowserlikeClient();

        using var fromOtherClinic = await outsider.GetAsync($"/fhir/Patient/{patientId}/$everything", Token);
        using var signedOut = await anonymous.GetAsync($"/fhir/Patient/{patientId}/$everything", Token);

        Assert.Equal(HttpStatusCode.NotFound, fromOtherClinic.StatusCode);
        Assert.DoesNotContain("Nowak", await fromOtherClinic.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.DoesNotContain("Nowak", await signedOut.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBulkExportRunsInTheBackgroundAndWritesNdjsonPerResourceTypeThatParses()
    {
        var clinic = await app.CreateClinicAsync();
        Guid jobId;
        SeededPatient first;
        await using (var scope = app.ScopeFor(clinic))
        {
            first = await ExportData.PatientWithRecordAsync(scope.ServiceProvider, "BULK-1", "Thị Ánh", "Nguyễn");
            await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "BULK-2", "Anna", "Nowak");
            var exports = scope.ServiceProvider.GetRequiredService<FhirBulkExports>();
            jobId = await exports.StartAsync(clinic.Id, null, "Test Therapist", Token);
            var status = await WaitUntilFinishedAsync(exports, jobId, clinic.Id);
            Assert.Equal(JobState.Completed, status.State);
            Assert.StartsWith("2 patients exported:", status.Message, StringComparison.Ordinal);
        }
        using var client = await ExportData.SignedInAsync(app, clinic);
        using var outsider = await ExportData.SignedInAsync(app, await app.CreateClinicAsync());

        using var download = await client.GetAsync($"/exports/fhir/{jobId}/zip", Token);
        using var forbidden = await outsider.GetAsync($"/exports/fhir/{jobId}/zip", Token);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, forbidden.StatusCode);
        using var zip = new ZipArchive(await download.Content.ReadAsStreamAsync(Token));
        using var manifest = JsonDocument.Parse(await new StreamReader(zip.GetEntry("manifest.json")!.Open()).ReadToEndAsync(Token));
        var listed = manifest.RootElement.GetProperty("output").EnumerateArray()
            .ToDictionary(o => o.GetProperty("type").GetString()!, o => o.GetProperty("count").GetInt32());
        Assert.Superset(new HashSet<string> { "Patient", "PlanDefinition", "ActivityDefinition", "CarePlan", "Procedure", "Observation", "QuestionnaireResponse", "Provenance" },
            listed.Keys.ToHashSet());
        foreach (var (type, count) in listed)
        {
            var lines = (await new StreamReader(zip.GetEntry($"{type}.ndjson")!.Open()).ReadToEndAsync(Token)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(count, lines.Length);
            Assert.All(lines, line => Assert.Equal(type, JsonSerializer.Deserialize<Resource>(line, FhirJson.Compact)!.TypeName));
        }
        var patients = (await new StreamReader(zip.GetEntry("Patient.ndjson")!.Open()).ReadToEndAsync(Token))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(FhirJson.Parse<FhirPatient>).ToList();
        Assert.Equal(["BULK-1", "BULK-2"], patients.Select(p => p.Identifier.Single().Value).Order(StringComparer.Ordinal));
        Assert.Contains(patients, p => p.Id == first.PatientId.ToString() && p.Name.Single().Family == "Nguyễn");
        Assert.Single(await ExportData.AccessEventsAsync(app, clinic.Id, AccessKind.FhirBulkExportDownloaded));
    }

    private static Quantity Quantity(Observation observation) => Assert.IsType<Quantity>(observation.Value);

    private static decimal Amount(Observation observation) => Quantity(observation).Value!.Value;

    private static void AssertReading(IEnumerable<Observation> readings, string loinc, decimal value, string ucum, string? localCode = null)
    {
        var reading = Assert.Single(readings, o => o.Code!.Coding.Any(c => c.System == FhirCodes.Loinc && c.Code == loinc)
            && (localCode is null || o.Code.Coding.Any(c => c.System == FhirCodes.SessionReading && c.Code == localCode)));
        var quantity = Assert.IsType<Quantity>(reading.Value);
        Assert.Equal((value, ucum, FhirCodes.Ucum), (quantity.Value!.Value, quantity.Code, quantity.System));
    }

    private static async Task<JobStatus> WaitUntilFinishedAsync(FhirBulkExports exports, Guid id, Guid clinicId)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (await exports.StatusAsync(id, clinicId, timeout.Token) is { IsActive: true })
        {
            await Task.Delay(50, timeout.Token);
        }
        return (await exports.StatusAsync(id, clinicId, timeout.Token))!;
    }

    [GeneratedRegex("\"reference\":\"([^\"]+)\"")]
    private static partial Regex ReferencePattern();
}
