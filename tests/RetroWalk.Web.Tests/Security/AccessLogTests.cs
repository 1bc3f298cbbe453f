using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Security;

/// <summary>
/// The gap: reads of patient records, downloads, sign-ins and account changes left no trace. Each is now an
/// access event with user, clinic, time, client address and what was accessed, which administrators export.
/// </summary>
public sealed class AccessLogTests(KestrelAppFixture app) : IClassFixture<KestrelAppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryAccessEventIsRecordedWithUserClinicTimeAddressAndWhat()
    {
        var clinic = await app.CreateClinicAsync();
        Guid patientId;
        Guid reportId;
        await using (var therapist = app.ScopeFor(clinic))
        {
            patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(therapist.ServiceProvider, "ACC-1", "Bjørn", "Håkonsen");
            var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
            reportId = (await therapist.ServiceProvider.GetRequiredService<ReportService>()
                .CreateAsync(patientId, new ReportInput { From = today.AddDays(-30), To = today }, Token)).Id;
        }

        var before = app.Clock.GetUtcNow();
        using var client = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, "Wrong-Password-1");
        await RetroWalkApp.SignInAsync(client, $"nobody-{Guid.NewGuid():N}@test.example", "Wrong-Password-1");
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/patients/{patientId}", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/reports/{reportId}/pdf", Token)).StatusCode);
        await RetroWalkApp.PostFormAsync(client, "/patients", new() { ["ReturnUrl"] = "" }, action: "/Account/Logout");

        await using (var admin = app.ScopeFor(clinic, admin: true, userName: "Test Admin"))
        {
            var staff = admin.ServiceProvider.GetRequiredService<StaffService>();
            var created = await staff.CreateAsync(new NewStaffInput { DisplayName = "New Person", Email = $"new-{Guid.NewGuid():N}"[..12] + "@test.example" });
            var newId = (await staff.ListAsync(Token)).Single(m => m.DisplayName == "New Person").Id;
            Assert.True(created.Succeeded);
            Assert.Null(await staff.ChangeRoleAsync(newId, Web.Infrastructure.Roles.ClinicAdmin));
            Assert.Null(await staff.DeactivateAsync(newId));
        }

        await using var scope = app.Services.CreateAsyncScope();
        var events = await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Set<AccessEvent>()
            .Where(e => e.ClinicId == clinic.Id).OrderBy(e => e.At).ThenBy(e => e.Id).ToListAsync(Token);
        var kinds = events.Select(e => e.Kind).ToList();
        Assert.Equal(
            [AccessKind.SignInFailed, AccessKind.SignedIn, AccessKind.PatientViewed, AccessKind.ReportDownloaded, AccessKind.SignedOut,
                AccessKind.AccountCreated, AccessKind.RoleChanged, AccessKind.AccountDeactivated],
            kinds);
        var view = events.Single(e => e.Kind == AccessKind.PatientViewed);
        Assert.Equal("Bjørn Håkonsen (ACC-1)", view.Target);
        Assert.Equal(patientId.ToString(), view.TargetId);
        Assert.Equal("127.0.0.1", view.ClientAddress);
        Assert.InRange(view.At, before, app.Clock.GetUtcNow());
        Assert.False(string.IsNullOrEmpty(view.UserId));
        Assert.Matches(@"^ACC-1_.*\.pdf$", events.Single(e => e.Kind == AccessKind.ReportDownloaded).Target);
        Assert.All(events.Where(e => e.Kind != AccessKind.AccountCreated && e.Kind < AccessKind.AccountCreated), e => Assert.Equal("127.0.0.1", e.ClientAddress));

        // An unknown address belongs to no clinic, but is still recorded.
        Assert.True(await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Set<AccessEvent>()
            .AnyAsync(e => e.ClinicId == null && e.Kind == AccessKind.SignInFailed && e.Target!.Contains("no such account"), Token));
    }

    [Fact]
    public async Task AnAdministratorFiltersAndExportsTheClinicsAccessLogAndTheExportIsRecorded()
    {
        var clinic = await app.CreateClinicAsync();
        var other = await app.CreateClinicAsync();
        using (var client = app.CreateKestrelClient())
        {
            await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);
        }
        using (var client = app.CreateKestrelClient())
        {
            await RetroWalkApp.SignInAsync(client, other.TherapistEmail, other.Password);
        }

        await using (var admin = app.ScopeFor(clinic, admin: true))
        {
            var log = admin.ServiceProvider.GetRequiredService<AccessLogService>();
            var signIns = await log.SearchAsync(new AccessQuery(Kind: AccessKind.SignedIn), Token);
            Assert.Single(signIns.Items);
            Assert.Contains(clinic.TherapistEmail, signIns.Items[0].Target, StringComparison.Ordinal);
        }
        await using (var therapist = app.ScopeFor(clinic))
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => therapist.ServiceProvider.GetRequiredService<AccessLogService>().SearchAsync(new AccessQuery(), Token));
        }

        using var adminClient = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(adminClient, clinic.AdminEmail, clinic.Password);
        using var csv = await adminClient.GetAsync("/admin/access-log.csv?kind=SignedIn", Token);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.True(csv.Headers.CacheControl?.NoStore);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Time (UTC),User,Event,What,Client address,Correlation id\r\n", text, StringComparison.Ordinal);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(clinic.TherapistEmail, text, StringComparison.Ordinal);
        Assert.DoesNotContain(other.TherapistEmail, text, StringComparison.Ordinal);

        using var therapistClient = app.CreateKestrelClient();
        await RetroWalkApp.SignInAsync(therapistClient, clinic.TherapistEmail, clinic.Password);
        Assert.NotEqual(HttpStatusCode.OK, (await therapistClient.GetAsync("/admin/access-log.csv", Token)).StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var export = await scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Set<AccessEvent>()
            .SingleAsync(e => e.ClinicId == clinic.Id && e.Kind == AccessKind.AccessLogExported, Token);
        // Streamed as read, and recorded once complete with the number of events written.
        Assert.Equal($"{lines.Length - 1} access events", export.Target);
        Assert.True(lines.Length > 1);
    }
}
