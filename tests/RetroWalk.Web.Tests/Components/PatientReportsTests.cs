using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The patient page's reports panel rendered with bUnit over the real report service and PostgreSQL.</summary>
public sealed class PatientReportsTests(AppFixture app) : ComponentTest, IClassFixture<AppFixture>
{
    private const string NoReports = "No reports yet.";

    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task APatientsEarlierReportsAreListedOnceLoadedAndTheLoadingNoteGoes()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "REP-1", "Bjørn", "Håkonsen");
        var report = await scope.ServiceProvider.GetRequiredService<ReportService>()
            .CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-14), To = TestClock.Today }, Token);
        Assert.True(report.Succeeded);

        var panel = Render<PatientReports>(parameters => parameters.Add(p => p.PatientId, patientId));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll("[data-testid=report-identifier]")));
        Assert.Empty(panel.FindAll("[data-testid=list-loading]"));
        Assert.DoesNotContain(NoReports, panel.Markup, StringComparison.Ordinal);
        var pager = panel.Find(".mud-table-pagination-toolbar");
        Assert.Null(pager.Closest("[hidden]"));
        Assert.Contains("1-1 of 1", pager.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APatientWithoutReportsIsToldSoOnceTheListHasLoaded()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(scope.ServiceProvider, "REP-2", "Minh", "Ánh");

        var panel = Render<PatientReports>(parameters => parameters.Add(p => p.PatientId, patientId));

        panel.WaitForAssertion(() => Assert.Contains(NoReports, panel.Find("[data-testid=report-grid]").TextContent, StringComparison.Ordinal));
        Assert.Empty(panel.FindAll("[data-testid=list-loading]"));
    }

    /// <summary>The app's own services acting for a therapist of the clinic, given to the rendered panel.</summary>
    private AsyncServiceScope UseClinic(TestClinic clinic)
    {
        var scope = app.ScopeFor(clinic);
        UseAppServices(scope.ServiceProvider, typeof(ReportService), typeof(ClinicClock), typeof(ClinicFormats));
        Render<MudBlazor.MudPopoverProvider>();
        return scope;
    }
}
