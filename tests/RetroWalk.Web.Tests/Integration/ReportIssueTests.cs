using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Reports.Tests;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>A report handed to a physician stays the report they got: stored at first download, identical ever after, with an identifier to quote.</summary>
public sealed partial class ReportIssueTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryDownloadOfAnIssuedReportIsTheSameBytesAfterTheDataChangesAndRegeneratingMakesANewReport()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var services = scope.ServiceProvider;
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(services, "ISS-1", "Łucja", "Wiśniewska");
        var programmeId = (await services.GetRequiredService<ProgrammeService>().ListForPatientAsync(patientId, Token)).Single().Id;
        await SaveSessionAsync(services, programmeId, 1, rpe: 11m);
        var reports = services.GetRequiredService<ReportService>();
        var report = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-21), To = TestClock.Today }, Token);
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        var first = await client.GetAsync($"/reports/{report.Id}/pdf", Token);
        var firstBytes = await first.Content.ReadAsByteArrayAsync(Token);
        // The patient's name changes and another session is recorded: the issued report does not.
        var patients = services.GetRequiredService<PatientService>();
        var edit = (await patients.GetForEditAsync(patientId, Token))!;
        edit.FamilyName = "Kowalska";
        Assert.True((await patients.UpdateAsync(patientId, edit, Token)).Succeeded);
        await SaveSessionAsync(services, programmeId, 2, rpe: 13m);
        var second = await client.GetAsync($"/reports/{report.Id}/pdf", Token);
        var secondBytes = await second.Content.ReadAsByteArrayAsync(Token);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(firstBytes, secondBytes);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(firstBytes));
        Assert.Equal($"\"{sha256}\"", second.Headers.ETag?.Tag);
        Assert.Equal(sha256, await StoredSha256Async(report.Id));
        Assert.Contains("Łucja Wiśniewska", Poppler.Text(secondBytes), StringComparison.Ordinal);

        var regenerated = await reports.RegenerateAsync(report.Id, Token);
        var fresh = await client.GetByteArrayAsync($"/reports/{regenerated.Id}/pdf", Token);
        Assert.True(regenerated.Succeeded);
        Assert.NotEqual(report.Id, regenerated.Id);
        Assert.Contains("Łucja Kowalska", Poppler.Text(fresh), StringComparison.Ordinal);
        Assert.Equal(firstBytes, await client.GetByteArrayAsync($"/reports/{report.Id}/pdf", Token));
        var listed = await reports.ListForPatientAsync(patientId, Token);
        Assert.Equal(2, listed.Count);
        Assert.Equal(2, listed.Select(r => r.Identifier).Distinct().Count());
    }

    [Fact]
    public async Task EveryPageShowsTheReportIdentifierListedWithTheReport()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "ISS-2", "Αλέξανδρος", "Παπαδόπουλος");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-21), To = TestClock.Today }, Token);

        var issued = (await reports.RenderAsync(report.Id, Token))!;
        var identifier = (await reports.ListForPatientAsync(patientId, Token)).Single().Identifier!;
        var pages = Poppler.Pages(issued.Pdf);

        Assert.Matches(IdentifierPattern(), identifier);
        Assert.Equal(identifier, issued.Identifier);
        Assert.All(pages, page => Assert.Contains($"Report ID: {identifier}", page, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeAnIssuedPdf()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "ISS-3", "Jan", "Nowak");
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        var report = await reports.CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-21), To = TestClock.Today }, Token);
        await reports.RenderAsync(report.Id, Token);

        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync(Token);
        await using var update = new NpgsqlCommand("UPDATE \"ReportPdfs\" SET \"Pdf\" = '\\x00' WHERE \"ReportId\" = @id", connection);
        update.Parameters.AddWithValue("id", report.Id);
        await using var delete = new NpgsqlCommand("DELETE FROM \"ReportPdfs\" WHERE \"ReportId\" = @id", connection);
        delete.Parameters.AddWithValue("id", report.Id);

        Assert.Contains("cannot be changed or removed", (await Assert.ThrowsAsync<PostgresException>(() => update.ExecuteNonQueryAsync(Token))).MessageText, StringComparison.Ordinal);
        Assert.Contains("cannot be changed or removed", (await Assert.ThrowsAsync<PostgresException>(() => delete.ExecuteNonQueryAsync(Token))).MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public void IdentifiersAreTwelveUnambiguousCharactersInFoursTakenFromTheRandomPartOfTheId()
    {
        var ids = Enumerable.Range(0, 2000).Select(_ => Guid.CreateVersion7()).ToList();
        var identifiers = ids.Select(ReportIdentifier.For).ToList();

        Assert.All(identifiers, i => Assert.Matches(IdentifierPattern(), i));
        Assert.Equal(ids.Count, identifiers.Distinct().Count());
        Assert.Equal(ReportIdentifier.For(ids[0]), ReportIdentifier.For(ids[0]));
    }

    private async Task<string> StoredSha256Async(Guid reportId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(Token);
        return await db.Set<ReportPdf>().IgnoreQueryFilters().Where(p => p.ReportId == reportId).Select(p => p.Sha256).SingleAsync(Token);
    }

    private static async Task SaveSessionAsync(IServiceProvider services, Guid programmeId, int sequence, decimal rpe)
    {
        var sessions = services.GetRequiredService<SessionService>();
        var input = await SessionData.CompletedAsync(sessions, programmeId, sequence, rpe);
        var saved = await sessions.SaveAsync(programmeId, input, Token);
        Assert.True(saved.Succeeded, saved.Message);
    }

    [GeneratedRegex("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$")]
    private static partial Regex IdentifierPattern();
}
