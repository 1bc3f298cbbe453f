using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;
using static Microsoft.Playwright.Assertions;

namespace RetroWalk.Web.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class SessionBrowserTests(BrowserFixture browser)
{
    private static DateOnly Today => TestClock.Today;

    private static DateOnly ThisMonday => TestClock.ThisMonday;

    private sealed record Setup(Guid ProgrammeId, string PatientName, TestClinic Clinic);

    /// <summary>
    /// A new patient of the demo clinic on a clone of the chronic-stroke template (Mon/Wed/Fri), responsible therapist
    /// the demo therapist, starting <paramref name="weeksAgo"/> weeks before this week's Monday.
    /// </summary>
    private async Task<Setup> ProgrammeAsync(string family, int weeksAgo)
    {
        TestClinic clinic;
        string therapistId;
        await using (var scope = browser.App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
            var found = await db.Clinics.SingleAsync(c => c.Name == DemoData.ClinicName);
            therapistId = (await db.Users.SingleAsync(u => u.Email == DemoData.TherapistEmail)).Id;
            clinic = new TestClinic(found.Id, found.Name, DemoData.AdminEmail, DemoData.TherapistEmail, DemoData.TherapistPassword);
        }
        await using var clinicScope = browser.App.ScopeFor(clinic);
        var sp = clinicScope.ServiceProvider;
        var record = $"SB-{Guid.NewGuid().ToString("N")[..6]}";
        var patient = await sp.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(record, "Zofia", family));
        var protocol = await sp.GetRequiredService<ProtocolService>().CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey);
        var assigned = await sp.GetRequiredService<ProgrammeService>().AssignAsync(new AssignInput
        {
            PatientId = patient.Id,
            ProtocolId = protocol.Id,
            StartDate = ThisMonday.AddDays(-7 * weeksAgo),
            TherapistUserId = therapistId,
            TrainingDays = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday],
        });
        Assert.True(assigned.Succeeded, assigned.Message);
        return new Setup(assigned.Id, $"Zofia {family}", clinic);
    }

    private async Task RecordCompletedAsync(Setup setup, params int[] sequences)
    {
        await using var scope = browser.App.ScopeFor(setup.Clinic);
        var sessions = scope.ServiceProvider.GetRequiredService<SessionService>();
        foreach (var sequence in sequences)
        {
            var input = (await sessions.GetFormAsync(setup.ProgrammeId, sequence))!.Input;
            input.Rpe = 12;
            Assert.True((await sessions.SaveAsync(setup.ProgrammeId, input)).Succeeded);
        }
    }

    private async Task<IPage> SignedInAsync()
    {
        var page = await browser.NewPageAsync();
        await new SignInPage(page).SignInAndWaitAsync(DemoData.TherapistEmail, DemoData.TherapistPassword);
        return page;
    }

    [Fact]
    public async Task ThreeSessionsWithinTheTargetRpeRaiseTheSuggestedSpeed()
    {
        var setup = await ProgrammeAsync("Retro-Trzy", weeksAgo: 1);
        var page = await SignedInAsync();
        var form = new SessionFormPage(page);

        for (var sequence = 1; sequence <= 3; sequence++)
        {
            await form.OpenAsync(setup.ProgrammeId, sequence);
            await Expect(page.GetByTestId("prescribed-speed")).ToHaveTextAsync("1.0 km/h");
            await form.RecordWithRpeAsync("12");
        }

        await Expect(form.Suggestion).ToContainTextAsync("Next session: session 4");
        await Expect(form.SuggestedSpeed).ToHaveTextAsync("1.2 km/h");
        await Expect(form.SuggestionReasons).ToContainTextAsync("Planned speed for week 2: 1.2 km/h.");
        await Screenshots.SaveAsync(page, "session-suggestion");
        await page.GetByRole(AriaRole.Button, new() { Name = "Accept suggestion" }).ClickAsync();
        await Expect(page.GetByTestId("decision-status")).ToContainTextAsync("Suggestion accepted: session 4 is now 1.2 km/h");
        await Expect(page.GetByTestId("decision")).ToContainTextAsync("Accepted by Maria Santos");
    }

    [Fact]
    public async Task ANearFallHoldsTheSpeedAndFlagsTheDashboard()
    {
        var setup = await ProgrammeAsync("Retro-Upadek", weeksAgo: 1);
        await RecordCompletedAsync(setup, 1, 2, 3);
        var page = await SignedInAsync();
        var form = new SessionFormPage(page);

        // Session 4 is on this week's Monday.
        await form.OpenAsync(setup.ProgrammeId, 4);
        await form.Field("Near-fall").CheckAsync();
        await form.Field("Note on near-fall").FillAsync("Caught her heel at the belt edge; steadied by the therapist.");
        await form.RecordWithRpeAsync("12");

        await Expect(form.SuggestionAction).ToHaveTextAsync("Hold");
        await Expect(form.SuggestionReasons).ToContainTextAsync("Hold: near-fall in the last session.");
        await Expect(form.SuggestedSpeed).ToHaveTextAsync("1.2 km/h");

        await page.GotoAsync("");
        await SignInPage.WaitForCircuitAsync(page);
        var flag = page.GetByTestId("dashboard-flag").Filter(new() { HasText = setup.PatientName });
        await Expect(flag).ToContainTextAsync("Adverse event: near-fall on");
        await Screenshots.SaveAsync(page, "dashboard-flags");
    }

    [Fact]
    public async Task ASessionIsRecordedFromTheKeyboardOnACompactFormWithTheScreeningFirstAndTheStopWarningLive()
    {
        var setup = await ProgrammeAsync("Retro-Stop", weeksAgo: 1);
        var page = await SignedInAsync();
        var form = new SessionFormPage(page);
        await form.OpenAsync(setup.ProgrammeId, 1);

        // The screening is where the keyboard starts; a resting heart rate typed key by key changes nothing on its way.
        await Expect(form.Field("Resting heart rate")).ToBeFocusedAsync();
        await form.Field("Resting heart rate").PressSequentiallyAsync("72");
        await form.Field("Resting heart rate").PressAsync("Tab");
        await Expect(form.Field("Resting systolic BP")).ToBeFocusedAsync();
        await Expect(form.ScreeningFailed).ToHaveCountAsync(0);
        await Expect(form.Field("Status")).ToHaveValueAsync("Completed");
        await Expect(form.Field("Main backward walking")).ToHaveValueAsync("30");
        await Expect(form.Field("Main backward walking")).ToBeEnabledAsync();

        await Expect(form.StopWarning).ToHaveCountAsync(0);
        await form.Field("Systolic BP after").FillAsync("260");
        await Expect(form.StopWarning).ToContainTextAsync("Systolic BP 260 mmHg is above the stop limit of 250 mmHg: stop the session.");
        await Expect(form.SaveState).ToHaveTextAsync("Not saved yet.");
        await Expect(form.Field("Status")).ToHaveValueAsync("Completed");
        await Screenshots.SaveAsync(page, "session-form-stop-warning");
        await form.Field("Systolic BP after").FillAsync("180");
        await Expect(form.StopWarning).ToHaveCountAsync(0);

        // Compact: the whole form fits in little more than a laptop screen, and a tablet's.
        await Screenshots.SaveAsync(page, "session-form");
        Assert.True(await form.HeightAsync() <= 1100, $"The session form is {await form.HeightAsync()} px tall at 1366 px.");
        await page.SetViewportSizeAsync(820, 1180);
        await Screenshots.SaveAsync(page, "session-form-820");
        Assert.True(await form.HeightAsync() <= 1300, $"The session form is {await form.HeightAsync()} px tall at 820 px.");
        await page.SetViewportSizeAsync(1366, 900);

        await form.RecordWithRpeAsync("12");
        await Expect(form.Suggestion).ToContainTextAsync("Next session: session 2");
    }

    [Fact]
    public async Task TwoSessionsMarkedMissedShowInTheAdherenceFigureAndFlag()
    {
        var setup = await ProgrammeAsync("Retro-Brak", weeksAgo: 3);
        IReadOnlyList<ScheduledSessionItem> schedule;
        await using (var scope = browser.App.ScopeFor(setup.Clinic))
        {
            schedule = await scope.ServiceProvider.GetRequiredService<ProgrammeService>().GetScheduleAsync(setup.ProgrammeId, TestContext.Current.CancellationToken);
        }
        var past = schedule.Where(s => s.Date < Today).Select(s => s.Sequence).ToList();
        await RecordCompletedAsync(setup, [.. past.SkipLast(2)]);
        var page = await SignedInAsync();
        await page.GotoAsync($"programmes/{setup.ProgrammeId}");
        await SignInPage.WaitForCircuitAsync(page);

        foreach (var sequence in past.TakeLast(2))
        {
            await page.GetByRole(AriaRole.Button, new() { Name = $"Mark session {sequence} missed" }).ClickAsync();
            await Expect(page.GetByTestId("action-status")).ToHaveTextAsync($"Session {sequence} marked missed.");
        }

        // The schedule reads each recorded session's own status.
        var statuses = new ProgrammePage(page).SessionStatuses;
        foreach (var sequence in past)
        {
            await Expect(statuses.Nth(sequence - 1)).ToHaveTextAsync(past.TakeLast(2).Contains(sequence) ? "Missed" : "Completed");
        }
        await Expect(page.GetByTestId("adherence-sessions")).ToHaveTextAsync($"{past.Count - 2} of {past.Count} planned to date");
        await Expect(page.GetByTestId("adherence-streak")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("adherence-flags")).ToContainTextAsync("2 missed sessions in a row");
        await Screenshots.SaveAsync(page, "programme-adherence");

        await page.GotoAsync("");
        await SignInPage.WaitForCircuitAsync(page);
        await Expect(page.GetByTestId("dashboard-flag").Filter(new() { HasText = setup.PatientName })).ToContainTextAsync("2 missed sessions in a row");
    }
}
