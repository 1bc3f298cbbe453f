using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

/// <summary>Page objects for the template gallery, the protocol editor, the assign dialog and the programme page.</summary>
public sealed class TemplateGalleryPage(IPage page)
{
    public async Task OpenAsync()
    {
        await page.GotoAsync("protocols/templates");
        await SignInPage.WaitForCircuitAsync(page);
    }

    /// <summary>Clones the template and returns the new protocol's id and name (from the page it lands on).</summary>
    public async Task<(Guid Id, string Name)> UseAsync(string templateName)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Use the template {templateName}" }).ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/protocols/[0-9a-f-]{36}$"));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Versions and programmes" }).WaitForAsync();
        return (Guid.Parse(page.Url[^36..]), (await page.GetByTestId("protocol-name").InnerTextAsync()).Trim());
    }
}

public sealed class ProtocolEditorPage(IPage page)
{
    public async Task OpenAsync(Guid protocolId)
    {
        await page.GotoAsync($"protocols/{protocolId}/edit");
        await SignInPage.WaitForCircuitAsync(page);
    }

    public ILocator MainMinutes => page.GetByLabel("Main backward walking", new() { Exact = true });

    public ILocator MainMinutesMessages => page.Locator("#main-minutes-messages");

    public ILocator Summary => page.GetByTestId("protocol-summary");

    public Task SaveAsync() => page.GetByRole(AriaRole.Button, new() { Name = "Save changes" }).ClickAsync();
}

public sealed class AssignDialog(IPage page)
{
    private ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    /// <summary>Opens the dialog from the patient page and fills it: the protocol by name, the start date, the training days.</summary>
    public async Task AssignAsync(string protocolName, DateOnly start, params string[] days)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign protocol" }).ClickAsync();
        await Dialog.GetByLabel("Protocol", new() { Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = $"{protocolName} (v1)" }).ClickAsync();
        await Dialog.GetByLabel("Start date").FillAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await Dialog.GetByLabel("Start date").PressAsync("Tab");
        foreach (var day in ProgrammeDays)
        {
            await Dialog.GetByLabel(day, new() { Exact = true }).SetCheckedAsync(days.Contains(day));
        }
        await Dialog.GetByTestId("assign-preview").Filter(new() { HasText = "sessions from" }).WaitForAsync();
    }

    public Task SubmitAsync() => Dialog.GetByRole(AriaRole.Button, new() { Name = "Assign and plan sessions" }).ClickAsync();

    private static readonly string[] ProgrammeDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
}

public sealed class ProgrammePage(IPage page)
{
    public ILocator SessionRows => page.GetByTestId("session-row");

    public ILocator SessionDates => page.GetByTestId("session-date");

    public ILocator SessionStatuses => page.GetByTestId("session-status");

    public ILocator Status => page.GetByTestId("programme-status");

    public ILocator Dialog => page.GetByRole(AriaRole.Dialog);

    public async Task PauseAsync(DateOnly from)
    {
        await EnterDateAsync("Pause from", from);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
    }

    public async Task ResumeAsync(DateOnly on)
    {
        await EnterDateAsync("Resume on", on);
        await page.GetByRole(AriaRole.Button, new() { Name = "Resume", Exact = true }).ClickAsync();
    }

    public Task OpenEndDialogAsync(string button) => page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();

    /// <summary>Every Move and Cancel button lies inside the schedule table, at the page's current width.</summary>
    public async Task ExpectActionsInsideTheTableAsync()
    {
        var table = (await page.Locator(".schedule-table table").BoundingBoxAsync())!;
        var buttons = page.Locator(".schedule-table").GetByRole(AriaRole.Button);
        Assert.True(await buttons.CountAsync() > 0);
        foreach (var button in await buttons.AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X >= table.X && box.X + box.Width <= table.X + table.Width + 0.5,
                $"{await button.GetAttributeAsync("aria-label")} spills outside the table ({box.X}+{box.Width} vs {table.X}+{table.Width}).");
        }
    }

    public async Task ExpectGoneAsync(string text) => await Expect(page.GetByText(text)).ToHaveCountAsync(0);

    private async Task EnterDateAsync(string label, DateOnly date)
    {
        var field = page.GetByLabel(label, new() { Exact = true });
        await field.FillAsync(Iso(date));
        await field.PressAsync("Tab");
    }

    public static string Shown(DateOnly date) => date.ToString("ddd d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
