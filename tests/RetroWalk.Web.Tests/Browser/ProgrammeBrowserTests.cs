using Microsoft.Playwright;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class ProgrammeBrowserTests(BrowserFixture browser)
{
    private static readonly int[] MonWedFriOffsets = [0, 2, 4];

    private static DateOnly NextMonday() => TestClock.NextMonday;

    /// <summary>Signs in, creates a patient (on their page afterwards) and clones the chronic-stroke template.</summary>
    private async Task<(IPage Page, string PatientUrl, (Guid Id, string Name) Protocol)> PatientAndProtocolAsync()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        var gallery = new TemplateGalleryPage(page);
        await gallery.OpenAsync();
        var protocol = await gallery.UseAsync("Chronic stroke, 4 weeks");
        await Expect(page.GetByTestId("definition-source")).ToHaveTextAsync("Chang 2021, Int J Environ Res Public Health 18(5):2376.");

        await page.GotoAsync("patients/new");
        await SignInPage.WaitForCircuitAsync(page);
        var form = new PatientFormPage(page);
        await form.FillAsync("Zofia", "Retro-Nowak", "1955-06-01", $"PW-{Guid.NewGuid().ToString("N")[..6]}", "Chronic stroke");
        await form.CreateAndOpenAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Programmes" }).WaitForAsync();
        return (page, page.Url, protocol);
    }

    private static async Task AssignFromMondayAsync(IPage page, string protocolName, DateOnly monday, bool screenshot = false)
    {
        var dialog = new AssignDialog(page);
        await dialog.AssignAsync(protocolName, monday, "Monday", "Wednesday", "Friday");
        await Expect(page.GetByTestId("assign-preview")).ToHaveTextAsync(
            $"12 sessions from {ProgrammePage.Shown(monday)} to {ProgrammePage.Shown(monday.AddDays(25))}");
        if (screenshot)
        {
            await Screenshots.SaveAsync(page, "assign-dialog");
        }
        await dialog.SubmitAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(@"/programmes/[0-9a-f-]{36}$"));
        await SignInPage.WaitForCircuitAsync(page);
    }

    [Fact]
    public async Task AClonedTemplateEditedAndAssignedFromAMondayOnMonWedFriPlansTwelveSessionsOnTheRightDates()
    {
        var (page, patientUrl, protocol) = await PatientAndProtocolAsync();
        var monday = NextMonday();

        // The editor: the summary follows a field as it changes, a bad value is refused at its field, a good one is saved.
        var editor = new ProtocolEditorPage(page);
        await editor.OpenAsync(protocol.Id);
        await Expect(editor.Summary).ToHaveTextAsync("30 min · 3×/week · 4 weeks · 12 sessions");
        await Expect(page.GetByTestId("version-notice")).ToContainTextAsync("saving updates it in place");
        await editor.MainMinutes.FillAsync("25");
        await editor.MainMinutes.PressAsync("Tab");
        await Expect(editor.Summary).ToHaveTextAsync("25 min · 3×/week · 4 weeks · 12 sessions");
        await Screenshots.SaveAsync(page, "protocol-editor");
        await editor.MainMinutes.FillAsync("150");
        await editor.SaveAsync();
        await Expect(editor.MainMinutesMessages).ToHaveTextAsync("Main walking time must be between 1 and 120 minutes.");
        await Expect(page.GetByText("Please correct the highlighted fields. Nothing was saved.")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "protocol-editor-invalid");
        await editor.MainMinutes.FillAsync("30");
        await editor.MainMinutes.PressAsync("Tab");
        await Expect(editor.MainMinutesMessages).ToHaveCountAsync(0);
        await editor.SaveAsync();
        await Expect(page.GetByTestId("definition-summary")).ToHaveTextAsync("30 min · 3×/week · 4 weeks · 12 sessions");

        await page.GotoAsync(patientUrl);
        await SignInPage.WaitForCircuitAsync(page);
        await AssignFromMondayAsync(page, protocol.Name, monday, screenshot: true);

        var programme = new ProgrammePage(page);
        await Expect(programme.SessionRows).ToHaveCountAsync(12);
        var expected = Enumerable.Range(0, 4).SelectMany(w => MonWedFriOffsets.Select(d => ProgrammePage.Shown(monday.AddDays((7 * w) + d)))).ToArray();
        await Expect(programme.SessionDates).ToHaveTextAsync(expected);
        await Expect(programme.SessionStatuses).ToHaveTextAsync(Enumerable.Repeat("Planned", 12).ToArray());
        await Expect(programme.Status).ToHaveTextAsync("Planned");
        await programme.ExpectActionsInsideTheTableAsync();
        await Screenshots.SaveAsync(page, "programme-list");
        await page.SetViewportSizeAsync(820, 1180);
        await programme.ExpectActionsInsideTheTableAsync();
        await Screenshots.SaveAsync(page, "programme-list-820");
        await page.SetViewportSizeAsync(1366, 900);

        await page.GetByText("Calendar", new() { Exact = true }).ClickAsync();
        await Expect(page.Locator(".calendar-session")).ToHaveCountAsync(12);
        await Screenshots.SaveAsync(page, "programme-calendar");

        // A second programme for the same patient is refused, and the dialog says why.
        await page.GetByRole(AriaRole.Link, new() { Name = "Zofia Retro-Nowak" }).ClickAsync();
        await SignInPage.WaitForCircuitAsync(page);
        await new AssignDialog(page).AssignAsync(protocol.Name, monday.AddDays(28), "Monday", "Wednesday", "Friday");
        await new AssignDialog(page).SubmitAsync();
        await Expect(page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Alert)).ToContainTextAsync("A patient can have only one programme at a time");
    }

    [Fact]
    public async Task PausingAndResumingShiftsTheLaterSessions()
    {
        var (page, _, protocol) = await PatientAndProtocolAsync();
        var monday = NextMonday();
        await AssignFromMondayAsync(page, protocol.Name, monday);
        var programme = new ProgrammePage(page);
        await Expect(programme.SessionDates.Nth(3)).ToHaveTextAsync(ProgrammePage.Shown(monday.AddDays(7)));

        await programme.PauseAsync(monday.AddDays(7));
        await Expect(programme.Status).ToHaveTextAsync("Paused");
        await Expect(page.GetByTestId("session-status").Nth(3)).ToHaveTextAsync("On hold (paused)");
        await Screenshots.SaveAsync(page, "programme-paused");
        await programme.ResumeAsync(monday.AddDays(14));

        await Expect(programme.Status).ToHaveTextAsync("Planned");
        await Expect(page.GetByTestId("action-status")).ToContainTextAsync("Programme resumed");
        await Expect(programme.SessionDates.Nth(2)).ToHaveTextAsync(ProgrammePage.Shown(monday.AddDays(4)));
        await Expect(programme.SessionDates.Nth(3)).ToHaveTextAsync(ProgrammePage.Shown(monday.AddDays(14)));
        await Expect(programme.SessionDates.Nth(11)).ToHaveTextAsync(ProgrammePage.Shown(monday.AddDays(32)));

        // Ending asks first and says what it does; nothing changes until confirmed.
        await programme.OpenEndDialogAsync("Mark completed…");
        await Expect(programme.Dialog).ToContainTextAsync("0 of 12 sessions done; the 12 remaining planned sessions will be cancelled.");
        await Screenshots.SaveAsync(page, "programme-complete-dialog");
        await programme.Dialog.GetByRole(AriaRole.Button, new() { Name = "Keep it running" }).ClickAsync();
        await Expect(programme.Dialog).ToHaveCountAsync(0);
        await Expect(programme.Status).ToHaveTextAsync("Planned");

        await programme.OpenEndDialogAsync("Discontinue…");
        await programme.Dialog.GetByRole(AriaRole.Button, new() { Name = "Discontinue", Exact = true }).ClickAsync();
        await Expect(page.Locator("#discontinue-reason-messages")).ToHaveTextAsync("Enter the reason for discontinuing.");
        await programme.Dialog.GetByLabel("Reason for discontinuing").FillAsync("Moved to another city.");
        await programme.Dialog.GetByRole(AriaRole.Button, new() { Name = "Discontinue", Exact = true }).ClickAsync();
        await Expect(programme.Status).ToHaveTextAsync("Discontinued");
        await Expect(page.GetByTestId("action-status")).ToHaveTextAsync("Programme discontinued.");
        await programme.ExpectGoneAsync("Enter the reason");
        await Expect(programme.SessionStatuses).ToHaveTextAsync(Enumerable.Repeat("Cancelled", 12).ToArray());
    }


    [Fact]
    public async Task TheDashboardListsThisWeeksSessionsOfTheSignedInTherapist()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        await page.GotoAsync("");
        await SignInPage.WaitForCircuitAsync(page);
        var rows = page.GetByTestId("week-session");
        await Expect(rows.First).ToBeVisibleAsync();
        await Expect(rows.Filter(new() { HasText = "Wiśniewska-Nguyễn" })).ToHaveCountAsync(3);
        await Expect(rows.Filter(new() { HasText = "Παπαδόπουλος" })).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "dashboard");

        await page.GotoAsync("protocols/templates");
        await SignInPage.WaitForCircuitAsync(page);
        await Expect(page.GetByText("Shen 2021, Physiother Theory Pract 37(10):1109–1116.").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "template-gallery");
    }
}
