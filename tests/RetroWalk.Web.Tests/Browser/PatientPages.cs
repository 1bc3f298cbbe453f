using Microsoft.Playwright;

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

    public ILocator Rows => page.Locator(".rz-data-row");

    public ILocator PatientLink(string name) => page.GetByRole(AriaRole.Link, new() { Name = name });
}

public sealed class PatientFormPage(IPage page)
{
    public async Task FillAsync(string given, string family, string dateOfBirth, string recordNumber, string condition)
    {
        await page.GetByLabel("Given name").FillAsync(given);
        await page.GetByLabel("Family name").FillAsync(family);
        await page.GetByLabel("Date of birth").FillAsync(dateOfBirth);
        await page.GetByLabel("Sex").SelectOptionAsync(new SelectOptionValue { Label = "Female" });
        await page.GetByLabel("Clinic record number").FillAsync(recordNumber);
        await page.GetByLabel("Primary condition").SelectOptionAsync(new SelectOptionValue { Label = condition });
    }

    public Task SubmitAsync(string label) => page.GetByRole(AriaRole.Button, new() { Name = label }).ClickAsync();
}
