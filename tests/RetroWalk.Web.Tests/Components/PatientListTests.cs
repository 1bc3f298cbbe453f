using Bunit;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The patient list page rendered with bUnit over the real patient service and PostgreSQL.</summary>
public sealed class PatientListTests(AppFixture app) : ComponentTest, IClassFixture<AppFixture>
{
    private static CancellationToken Token => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheListShowsTheClinicsPatientsOnArrivalWithoutASearch()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        await patients.CreateAsync(PatientData.Valid("LIST-1", given: "Łucja", family: "Wiśniewska"), Token);
        await patients.CreateAsync(PatientData.Valid("LIST-2", given: "Minh", family: "Ánh"), Token);
        await patients.CreateAsync(PatientData.Valid("LIST-3", given: "Deniz", family: "Çağlayan"), Token);

        var page = Render<PatientListPage>();

        page.WaitForAssertion(() => Assert.Equal(
            ["Ánh, Minh", "Çağlayan, Deniz", "Wiśniewska, Łucja"],
            page.FindAll(".patient-row a").Select(a => a.TextContent)));
        Assert.Empty(page.FindAll("[data-testid=no-patients]"));
        Assert.Contains("1–3 of 3 patients", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewClinicsEmptyListSaysHowToAddTheFirstPatient()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);

        var page = Render<PatientListPage>();

        page.WaitForAssertion(() => Assert.Equal("No patients yet: add the first with New patient.", page.Find("[data-testid=no-patients]").TextContent));
    }

    [Fact]
    public async Task ASearchNarrowsTheListAndSaysWhenNothingMatches()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        await patients.CreateAsync(PatientData.Valid("FIND-1", given: "Łucja", family: "Wiśniewska"), Token);
        await patients.CreateAsync(PatientData.Valid("FIND-2", given: "Minh", family: "Ánh"), Token);
        var page = Render<PatientListPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll(".patient-row").Count));

        page.Find("#patient-search").Input("wisniewska");
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Equal(["Wiśniewska, Łucja"], page.FindAll(".patient-row a").Select(a => a.TextContent)));

        page.Find("#patient-search").Input("nobody-here");
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Equal("No patients match.", page.Find("[data-testid=no-patients]").TextContent));
    }

    [Fact]
    public async Task WhenMorePatientsMatchThanItCountsTheListSaysSoAndHowToNarrowIt()
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = UseClinic(clinic);
        var patients = scope.ServiceProvider.GetRequiredService<PatientService>();
        foreach (var n in Enumerable.Range(1, 3))
        {
            await patients.CreateAsync(PatientData.Valid($"MANY-{n}", given: "Zoë", family: $"Nowak{n}"), Token);
        }
        await patients.CreateAsync(PatientData.Valid("ONE-1", given: "Minh", family: "Ánh"), Token);

        var page = Render<PatientListPage>(parameters => parameters.Add(p => p.CountUpTo, 2));
        page.WaitForAssertion(() => Assert.Equal("More than 2 patients: search by name or record number to find one.",
            page.Find("[data-testid=patient-count-capped]").TextContent.Trim()));
        page.WaitForAssertion(() => Assert.Contains("of more than 2 patients", page.Markup, StringComparison.Ordinal));

        page.Find("#patient-search").Input("nowak");
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Equal("More than 2 patients match: add more of the name or the record number to narrow the search.",
            page.Find("[data-testid=patient-count-capped]").TextContent.Trim()));

        page.Find("#patient-search").Input("nowak2");
        page.Find("form[role=search]").Submit();
        page.WaitForAssertion(() => Assert.Equal(["Nowak2, Zoë"], page.FindAll(".patient-row a").Select(a => a.TextContent)));
        Assert.Empty(page.FindAll("[data-testid=patient-count-capped]"));
        page.WaitForAssertion(() => Assert.Contains("1–1 of 1 patients", page.Markup, StringComparison.Ordinal));
    }

    /// <summary>The app's own services acting for a therapist of the clinic, given to the rendered page.</summary>
    private AsyncServiceScope UseClinic(TestClinic clinic)
    {
        var scope = app.ScopeFor(clinic);
        UseAppServices(scope.ServiceProvider, typeof(PatientService), typeof(ICurrentUser), typeof(ClinicFormats));
        Render<MudBlazor.MudPopoverProvider>();
        return scope;
    }
}
