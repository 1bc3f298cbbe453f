using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>The Exports page in Chromium on the demo clinic: a research CSV export and the FHIR bulk export, downloaded and read back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ExportsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task AClinicAdministratorDownloadsAResearchExportAndTheClinicsFhirExport()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.AdminEmail, DemoData.AdminPassword);
        await page.GetByRole(AriaRole.Link, new() { Name = "Exports" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Exports", Exact = true })).ToBeVisibleAsync();
        await SignInPage.WaitForCircuitAsync(page);

        // A period that ends before it starts is refused at the field, and nothing downloads.
        await page.GetByLabel("From (optional)").FillAsync(TestClock.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("To (optional)").FillAsync(TestClock.Today.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByTestId("csv-download").ClickAsync();
        await Expect(page.Locator("#export-to-messages")).ToContainTextAsync("The end of the period is before its start.");
        await page.GetByLabel("From (optional)").FillAsync("");
        await page.GetByLabel("To (optional)").FillAsync("");

        await page.GetByLabel("De-identified for research (HIPAA Safe Harbor)").CheckAsync();
        await Expect(page.GetByTestId("research-method")).ToContainTextAsync("random study id");
        var csv = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-download").ClickAsync());

        Assert.StartsWith("research-export_", csv.SuggestedFilename, StringComparison.Ordinal);
        await Expect(page.GetByTestId("csv-summary")).ToContainTextAsync("Downloading the research export:");
        using (var zip = ZipFile.OpenRead((await csv.PathAsync())!))
        {
            Assert.Contains(zip.Entries, e => e.FullName == "METHOD.txt");
            using var sessions = new StreamReader(zip.GetEntry("sessions.csv")!.Open());
            var text = await sessions.ReadToEndAsync(TestContext.Current.CancellationToken);
            Assert.StartsWith("study_id,age_group,sex,primary_condition,protocol_code,", text.TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.DoesNotContain("Wiśniewska", text, StringComparison.Ordinal);
            Assert.DoesNotContain("RW-1001", text, StringComparison.Ordinal);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Start FHIR export" }).ClickAsync();
        await Expect(page.GetByTestId("batch-message")).ToHaveTextAsync(new Regex(@"^\d+ patients exported: \d+ resources in \d+ files\.$"), new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "exports-complete");
        var fhir = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("batch-download").ClickAsync());

        using var bulk = ZipFile.OpenRead((await fhir.PathAsync())!);
        Assert.Contains(bulk.Entries, e => e.FullName == "Patient.ndjson");
        Assert.Contains(bulk.Entries, e => e.FullName == "manifest.json");
    }
}
