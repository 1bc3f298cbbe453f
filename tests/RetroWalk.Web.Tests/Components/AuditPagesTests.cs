using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Npgsql;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The administrators' access log and audit chain pages, rendered with bUnit over the real services and PostgreSQL.</summary>
public sealed class AuditPagesTests(AppFixture app) : ComponentTest, IClassFixture<AppFixture>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnAdministratorBrowsesTheAccessLogAndFiltersItByUserEventAndDate()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseAdmin(clinic);
        var log = scope.ServiceProvider.GetRequiredService<AccessLog>();
        var firstDay = app.Clock.GetUtcNow();
        await log.RecordAsync(AccessKind.SignInFailed, "anna@test.example", null, new AccessActor("a", "anna@test.example", clinic.Id), Token);
        await log.RecordAsync(AccessKind.PatientViewed, "Bjørn Håkonsen (ACC-1)", null, new AccessActor("b", "bo@test.example", clinic.Id), Token);
        app.Clock.Advance(TimeSpan.FromDays(3));
        await log.RecordAsync(AccessKind.PatientViewed, "Łucja Wiśniewska (ACC-2)", null, new AccessActor("a", "anna@test.example", clinic.Id), Token);

        var page = Render<AccessLogPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".access-row").Count));
        // Newest first, events named for people.
        Assert.Contains("Patient record viewed", page.FindAll(".access-row")[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Łucja Wiśniewska (ACC-2)", page.FindAll(".access-row")[0].TextContent, StringComparison.Ordinal);

        page.Find("#access-user").Change("anna");
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".access-row").Count));
        Assert.All(page.FindAll(".access-row"), row => Assert.Contains("anna@test.example", row.TextContent, StringComparison.Ordinal));

        var kind = page.FindComponent<MudSelect<AccessKind?>>();
        await page.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(AccessKind.SignInFailed));
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".access-row")));
        Assert.Contains("Sign-in failed", page.Find(".access-row").TextContent, StringComparison.Ordinal);
        var export = page.Find("#access-export").GetAttribute("href");
        Assert.Equal("/admin/access-log.csv?kind=SignInFailed&user=anna", export);

        // From the third day on: only the latest view remains of anna's events once the event filter is cleared.
        await page.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(null));
        var from = DateOnly.FromDateTime(firstDay.UtcDateTime).AddDays(2);
        var fromField = page.FindComponents<Web.Components.Shared.DateField>().Single(f => f.Instance.Label == "From");
        await page.InvokeAsync(() => fromField.Instance.ValueChanged.InvokeAsync(from));
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Contains("ACC-2", Assert.Single(page.FindAll(".access-row")).TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheChainCheckPageSaysIntactThenNamesTheEntryChangedInTheDatabase()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseAdmin(clinic);
        await using (var therapist = app.ScopeFor(clinic))
        {
            var patients = therapist.ServiceProvider.GetRequiredService<PatientService>();
            Assert.True((await patients.CreateAsync(PatientData.Valid("PG-1"), Token)).Succeeded);
            Assert.True((await patients.CreateAsync(PatientData.Valid("PG-2"), Token)).Succeeded);
        }

        var page = Render<AuditChainPage>();
        page.Find("#check-chain").Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".chain-row")));
        var trail = page.FindAll(".chain-row").Single(r => r.TextContent.Contains("Audit trail", StringComparison.Ordinal));
        Assert.Equal("true", trail.GetAttribute("data-intact"));
        Assert.Contains("Intact", trail.TextContent, StringComparison.Ordinal);

        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync(Token);
            await using var tamper = new NpgsqlCommand($"""
                ALTER TABLE "AuditEntries" DISABLE TRIGGER audit_entries_append_only;
                UPDATE "AuditEntries" SET "EntityLabel" = 'Someone else' WHERE "ClinicId" = '{clinic.Id}' AND "ChainSequence" = 2;
                ALTER TABLE "AuditEntries" ENABLE TRIGGER audit_entries_append_only;
                """, connection);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync(Token));
        }

        page.Find("#check-chain").Click();
        page.WaitForAssertion(() => Assert.Equal("false",
            page.FindAll(".chain-row").Single(r => r.TextContent.Contains("Audit trail", StringComparison.Ordinal)).GetAttribute("data-intact")));
        Assert.Contains("Broken at entry 2", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
        Assert.Contains("changed after it was written", page.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    private AsyncServiceScope UseAdmin(TestClinic clinic)
    {
        var scope = app.ScopeFor(clinic, admin: true, userName: "Test Admin");
        UseAppServices(scope.ServiceProvider, typeof(AccessLogService), typeof(AccessLog), typeof(AuditChainCheck), typeof(ICurrentUser), typeof(ClinicFormats));
        Render<MudPopoverProvider>();
        return scope;
    }
}
