using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Reports.Tests;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed partial class ReportBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task ATherapistChoosesSectionsAndAPeriodAndDownloadsTheProgressReport()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        var list = new PatientListPage(page);
        await list.OpenAsync();
        await list.SearchAsync("RW-1001");
        await list.PatientLink("Wiśniewska-Nguyễn, Łucja").ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "New progress report" }).ClickAsync();
        var today = TestClock.Today;
        await page.GetByLabel(new Regex("^From")).FillAsync(today.AddDays(-30).ToString("yyyy-MM-dd"));
        await page.GetByLabel(new Regex("^To")).FillAsync(today.ToString("yyyy-MM-dd"));
        await page.GetByLabel("Session history").UncheckAsync();
        await page.GetByLabel("Therapist's assessment and plan").FillAsync("Balance better; keep three sessions a week and add 0.1 km/h when tolerated.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate report" }).ClickAsync();
        await Screenshots.SaveAsync(page, "patient-report-saved");
        await page.SetViewportSizeAsync(820, 1180);
        await Screenshots.SaveAsync(page, "patient-report-saved-820");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-latest").ClickAsync());
        Assert.Matches(@"^RW-1001_\d{4}-\d{2}-\d{2}_progress-report\.pdf$", download.SuggestedFilename);
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        var text = Poppler.Squeeze(Poppler.Text(pdf));
        Assert.Contains("Łucja Wiśniewska-Nguyễn", text, StringComparison.Ordinal);
        Assert.Contains("Page 1 of " + Poppler.PageCount(pdf), text, StringComparison.Ordinal);
        Assert.Contains("Adherence", text, StringComparison.Ordinal);
        Assert.Contains("Outcome measures", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Session history", text, StringComparison.Ordinal);
        Assert.Contains("add 0.1 km/h when tolerated", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndBeforeTheStartIsRefusedAtTheField()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        var list = new PatientListPage(page);
        await list.OpenAsync();
        await list.SearchAsync("RW-1002");
        await list.PatientLink("Größmann, Jürgen").ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "New progress report" }).ClickAsync();
        await page.GetByLabel(new Regex("^From")).FillAsync("2026-10-31");
        await page.GetByLabel(new Regex("^To")).FillAsync("2026-10-01");
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate report" }).ClickAsync();

        await Expect(page.Locator("#report-to-messages")).ToHaveTextAsync("The end of the period is before its start.");
        await Expect(page.GetByText("No reports yet.")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ABatchShowsItsProgressAdvancingAndDownloadsAZipWithAPdfPerPatient()
    {
        const int patients = 25;
        var therapist = await TherapistWithProgrammesAsync(patients);

        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.AdminEmail, DemoData.AdminPassword);
        await page.GotoAsync("reports/batch");
        await SignInPage.WaitForCircuitAsync(page);
        await PatientFormPage.ChooseAsync(page, "Therapist", therapist);

        // Every progress value the bar shows, recorded by the page as it changes.
        await page.EvaluateAsync("""
            () => {
                window.batchPercents = [];
                new MutationObserver(() => {
                    const bar = document.querySelector('[data-testid=batch-progress]');
                    if (bar) window.batchPercents.push(Number(bar.getAttribute('data-percent')));
                }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start batch" }).ClickAsync();
        await Expect(page.GetByTestId("batch-message")).ToHaveTextAsync($"{patients} reports ready.", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "batch-complete");
        await page.SetViewportSizeAsync(820, 1180);
        await Screenshots.SaveAsync(page, "batch-complete-820");

        var seen = await page.EvaluateAsync<int[]>("() => window.batchPercents");
        Assert.Contains(seen, p => p > 0 && p < 100);
        Assert.Equal(100, seen[^1]);
        Assert.True(seen.SequenceEqual(seen.Order()), $"The bar went backwards: {string.Join(", ", seen)}");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-download").ClickAsync());
        using var zip = ZipFile.OpenRead(await download.PathAsync());
        Assert.Equal(patients, zip.Entries.Count(e => e.Name.EndsWith(".pdf", StringComparison.Ordinal)));
        Assert.All(zip.Entries, e => Assert.Matches(BatchEntry(), e.Name));
    }

    /// <summary>A therapist of the demo clinic with its own patients on running programmes, so the batch is this test's alone.</summary>
    private async Task<string> TherapistWithProgrammesAsync(int count)
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var name = $"Batch Therapist {tag}";
        await using var scope = browser.App.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var clinicId = await sp.GetRequiredService<RetroWalkDbContext>().Clinics.Where(c => c.Name == DemoData.ClinicName).Select(c => c.Id).SingleAsync();
        var user = await DemoData.EnsureUserAsync(sp.GetRequiredService<UserManager<ApplicationUser>>(), clinicId, $"batch-{tag}@riverside.example", name, RetroWalkApp.Password, Roles.Therapist);
        sp.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId, name).Principal;

        var protocol = await sp.GetRequiredService<ProtocolService>().CloneTemplateAsync(RetroWalk.Clinical.Protocols.ProtocolTemplates.ChronicStroke4WeeksKey);
        var start = ProgrammeData.NextMonday().AddDays(-14);
        for (var i = 1; i <= count; i++)
        {
            var patient = await sp.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid($"BT{tag}-{i:00}", "Şükrü", $"Çağlayan {i}"));
            var assigned = await sp.GetRequiredService<ProgrammeService>().AssignAsync(new AssignInput
            {
                PatientId = patient.Id,
                ProtocolId = protocol.Id,
                StartDate = start,
                TherapistUserId = user.Id,
                TrainingDays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
            });
            Assert.True(assigned.Succeeded, assigned.Message);
        }
        return name;
    }

    [GeneratedRegex(@"^BT[0-9a-f]{6}-\d{2}_\d{4}-\d{2}-\d{2}_progress-report\.pdf$")]
    private static partial Regex BatchEntry();
}
