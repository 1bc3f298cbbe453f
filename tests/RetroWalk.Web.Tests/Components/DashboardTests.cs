using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Home;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The dashboard rendered with bUnit over the app's real services and PostgreSQL.</summary>
public sealed class DashboardTests(AppFixture app) : ComponentTest, IClassFixture<AppFixture>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task ABrandNewClinicsDashboardShowsTheFirstStepStartingWithTheTemplates()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);

        var dashboard = Render<DashboardPage>();

        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("[data-testid=first-steps]")));
        Assert.Equal(["next", "ahead", "ahead"], StepStates(dashboard));
        var templates = dashboard.Find("[data-testid=first-step][data-state=next] a");
        Assert.Equal("protocols/templates", templates.GetAttribute("href"));
        Assert.Equal("Open the templates", templates.TextContent.Trim());
        Assert.Contains("Add your first patient", dashboard.Find("[data-testid=first-steps]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Assign the protocol", dashboard.Find("[data-testid=first-steps]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithAProtocolAndAPatientTheNextStepIsTheAssignment()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "FIRST-1");
        await using var scope = UseClinic(setup.Clinic);

        var dashboard = Render<DashboardPage>();

        dashboard.WaitForAssertion(() => Assert.Equal(["done", "done", "next"], StepStates(dashboard)));
        Assert.Equal("patients", dashboard.Find("[data-testid=first-step][data-state=next] a").GetAttribute("href"));
    }

    [Fact]
    public async Task OnceAProgrammeIsAssignedTheFirstStepsGoAway()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "FIRST-2");
        await using var scope = UseClinic(setup.Clinic);
        var assigned = await scope.ServiceProvider.GetRequiredService<ProgrammeService>()
            .AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday(), DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), Token);
        Assert.True(assigned.Succeeded, assigned.Message);

        var dashboard = Render<DashboardPage>();

        dashboard.WaitForAssertion(() => Assert.NotNull(dashboard.Find("#week-heading")));
        Assert.Empty(dashboard.FindAll("[data-testid=first-steps]"));
    }

    [Fact]
    public async Task TheFlagsListTheFirstTwentyAndShowAllOnRequest()
    {
        var setup = await ProgrammeData.SetUpAsync(app, "FLAGS-00");
        await using var scope = UseClinic(setup.Clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        var programmes = scope.ServiceProvider.GetRequiredService<ProgrammeService>();
        var threeWeeksAgo = ProgrammeData.NextMonday().AddDays(-28);
        for (var i = 0; i < DashboardFlagService.DashboardCount + 2; i++)
        {
            // Nothing recorded in three weeks: every programme has a run of misses.
            var patientId = i == 0 ? setup.PatientId : (await patients.CreateAsync(PatientData.Valid($"FLAGS-{i:00}"), Token)).Id;
            var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup with { PatientId = patientId }, threeWeeksAgo,
                DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday), Token);
            Assert.True(assigned.Succeeded, assigned.Message);
        }

        var flags = Render<DashboardFlags>();

        flags.WaitForAssertion(() => Assert.Equal(DashboardFlagService.DashboardCount, flags.FindAll("[data-testid=dashboard-flag]").Count));
        flags.Find("[data-testid=flags-show-all]").Click();
        flags.WaitForAssertion(() => Assert.Equal(DashboardFlagService.DashboardCount + 2, flags.FindAll("[data-testid=dashboard-flag]").Count));
        Assert.Empty(flags.FindAll("[data-testid=flags-show-all]"));
        Assert.Equal($"All {DashboardFlagService.DashboardCount + 2} flagged programmes are shown.", flags.Find("[role=status]").TextContent.Trim());
    }

    private static string[] StepStates(IRenderedComponent<DashboardPage> dashboard) =>
        [.. dashboard.FindAll("[data-testid=first-step]").Select(step => step.GetAttribute("data-state") ?? "")];

    private AsyncServiceScope UseClinic(TestClinic clinic)
    {
        var scope = app.ScopeFor(clinic);
        UseAppServices(scope.ServiceProvider, typeof(ICurrentUser), typeof(ClinicFormats), typeof(ClinicService), typeof(FirstStepsService), typeof(SessionService), typeof(DashboardFlagService), typeof(PatientService),
            typeof(ProtocolService), typeof(ProgrammeService), typeof(AssessmentPlanService));
        return scope;
    }
}
