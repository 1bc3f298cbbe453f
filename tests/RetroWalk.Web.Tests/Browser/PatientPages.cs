using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>Page objects for the patient list and form.</summary>
public sealed class PatientListPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("patients");
        await SignInPage.WaitForCircuitAsync(page);
    }

    public async Task SearchAsync(string text)
    {
        await page.GetByLabel("Search by name or record number").FillAsync(text);
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
    }

    public ILocator Rows => page.Locator(".patient-row");

    public ILocator PatientLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });
}

public sealed class PatientFormPage(IPage page)
{
    public async Task FillAsync(string given, string family, string dateOfBirth, string recordNumber, string condition)
    {
        await page.GetByLabel("Given name").FillAsync(given);
        await page.GetByLabel("Family name").FillAsync(family);
        await page.GetByLabel("Date of birth").FillAsync(dateOfBirth);
        await page.GetByRole(AriaRole.Radio, new() { Name = "Female" }).CheckAsync();
        await page.GetByLabel("Clinic record number").FillAsync(recordNumber);
        await ChooseAsync(page, "Primary condition", condition);
    }

    public Task SubmitAsync(string label) => page.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();

    /// <summary>
    /// Creates the patient and waits for their page. The save runs beside the whole suite's database work, so it gets
    /// the time a loaded machine needs; if the form stays, the failure says what it showed.
    /// </summary>
    public async Task CreateAndOpenAsync()
    {
        await SubmitAsync("Create patient");
        try
        {
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/patients/[0-9a-f-]{36}$"), new() { Timeout = 30_000 });
        }
        catch (PlaywrightException)
        {
            throw new Xunit.Sdk.XunitException($"The new patient's page did not open; the form shows: {await page.Locator("main").InnerTextAsync()}");
        }
    }

    /// <summary>Opens a MudSelect by its label and picks an option by its text.</summary>
    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await page.GetByLabel(label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        // The choice is made once the field shows it; what comes next must not race the select's own update.
        await Expect(page.GetByLabel(label)).ToHaveValueAsync(option);
    }

    /// <summary>The messages shown under a field, found from its label.</summary>
    public static ILocator MessagesAt(IPage page, string label) =>
        page.Locator(".mud-input-control").Filter(new() { Has = page.GetByLabel(label, new() { Exact = true }) }).Locator(".mud-input-helper-text.mud-input-error");
}
