using System.Globalization;
using Microsoft.Playwright;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>Page objects for the template gallery, the protocol editor, the assign dialog and the programme page.</summary>
public sealed class TemplateGalleryPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("protocols/templates");
        await SignInPage.WaitForCircuitAsync(page);
    }

    /// <summary>Clones the template and returns the new protocol's id (from the page it lands on).</summary>
    public async Task<Guid> UseAsync(string templateName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Use the template {templateName}" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/protocols/[0-9a-f-]{36}$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Versions and programmes" }).WaitForAsync();
        return Guid.Parse(page.Url[^36..]);
    }
}

public sealed class ProtocolEditorPage(IPage page)
{
    public async Task OpenAsync(Guid protocolId)
    {
        await page.GotoAsync($"protocols/{protocolId}/edit");
        await SignInPage.WaitForCircuitAsync(page);
    }

    public ILocator MainMinutes => page.GetByLabel("Main backward walking");

    public ILocator MainMinutesMessages => page.Locator("#main-minutes-messages");

    public ILocator Summary => page.GetByTestId("protocol-summary");

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
}

public sealed class AssignDialog(IPage page)
{
    public async Task AssignAsync(Guid protocolId, DateOnly start, params string[] days)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign protocol" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Protocol").SelectOptionAsync(protocolId.ToString());
        await dialog.GetByLabel("Start date").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        foreach (var day in ProgrammeDays)
        {
            await dialog.GetByLabel(day, new() { Exact = true }).SetCheckedAsync(days.Contains(day));
        }
        await dialog.GetByTestId("assign-preview").Filter(new() { HasText = "sessions from" }).WaitForAsync();
    }

    public Task SubmitAsync() => page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Assign and plan sessions" }).ClickAsync();

    private static readonly string[] ProgrammeDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
}

public sealed class ProgrammePage(IPage page)
{
    public ILocator SessionRows => page.GetByTestId("session-row");

    public ILocator SessionDates => page.GetByTestId("session-date");

    public ILocator Status => page.GetByTestId("programme-status");

    public async Task PauseAsync(DateOnly from)
    {
        await page.GetByLabel("Pause from").FillAsync(Iso(from));
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
    }

    public async Task ResumeAsync(DateOnly on)
    {
        await page.GetByLabel("Resume on").FillAsync(Iso(on));
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
    }

    public static string Shown(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
