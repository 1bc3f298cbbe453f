using Bunit;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The next-session suggestion after three tolerated sessions, against the real services and database.</summary>
public sealed class SuggestionPanelTests(AppFixture app) : AppComponentTest(app)
{

    /// <summary>The chronic-stroke protocol (+0.2 km/h a week) from last week's Monday, Mon/Wed/Fri, its first week recorded at RPE 12.</summary>
    private async Task<(Guid ProgrammeId, NextSessionSuggestion Suggestion)> AfterTheFirstWeekAsync()
    {
        var setup = await AppServices.UseNewClinicAsync(App);
        var programmes = AppServices.Get<ProgrammeService>();
        var today = programmes.NewAssignInput(setup.PatientId).StartDate!.Value;
        var lastMonday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7);
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, lastMonday, DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday));
        Assert.True(assigned.Succeeded, assigned.Message);
        var sessions = AppServices.Get<SessionService>();
        Guid last = default;
        for (var sequence = 1; sequence <= 3; sequence++)
        {
            var input = (await sessions.GetFormAsync(assigned.Id, sequence))!.Input;
            input.Rpe = 12;
            var saved = await sessions.SaveAsync(assigned.Id, input);
            Assert.True(saved.Succeeded, saved.Message);
            last = saved.Id;
        }
        return (assigned.Id, (await sessions.SuggestNextAsync(assigned.Id, last))!);
    }

    private IRenderedComponent<SuggestionPanel> RenderPanel(Guid programmeId, NextSessionSuggestion suggestion, Action decided) =>
        Render<SuggestionPanel>(p => p.Add(x => x.ProgrammeId, programmeId).Add(x => x.Suggestion, suggestion).Add(x => x.OnDecided, decided));

    [Fact]
    public async Task TheSuggestionShowsTheNextDoseWithItsReasonsAndAcceptingItRecordsTheDecision()
    {
        var (programmeId, suggestion) = await AfterTheFirstWeekAsync();
        var decided = 0;
        var panel = RenderPanel(programmeId, suggestion, () => decided++);

        Assert.StartsWith("Next session: session 4 on ", panel.Find("h2").TextContent, StringComparison.Ordinal);
        Assert.Equal("1.2 km/h", panel.Find("[data-testid=suggested-speed]").TextContent.Trim());
        Assert.Contains("Planned speed for week 2: 1.2 km/h.", panel.Find("[data-testid=suggestion-reasons]").TextContent, StringComparison.Ordinal);

        Button(panel, "Accept suggestion").Click();

        panel.WaitForAssertion(() => Assert.Contains("Suggestion accepted: session 4 is now 1.2 km/h",
            panel.Find("[data-testid=decision-status]").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, decided);
    }

    [Fact]
    public async Task AnOverrideBeyondTheProtocolsSpeedsIsRefusedAtTheSpeedFieldAndNothingIsDecided()
    {
        var (programmeId, suggestion) = await AfterTheFirstWeekAsync();
        var decided = 0;
        var panel = RenderPanel(programmeId, suggestion, () => decided++);

        Button(panel, "Override…").Click();

        Assert.Equal("1.2", panel.Find("#override-speed").GetAttribute("value"));
        Assert.Equal("Speed for session 4", FormMarkup.LabelOf(panel.Find("#override-speed")));
        Assert.Equal("Reason for the override", FormMarkup.LabelOf(panel.Find("#override-reason")));
        panel.Find("#override-speed").Change("5");
        Button(panel, "Save override").Click();

        panel.WaitForAssertion(() => Assert.Equal("Enter a speed between 0.3 km/h and 2.0 km/h (the protocol's limits).", FormMarkup.MessageAt(panel.Find("#override-speed"))));
        Assert.Equal("", FormMarkup.MessageAt(panel.Find("#override-minutes")));
        Assert.Equal(0, decided);

        panel.Find("#override-speed").Change("1.1");
        panel.WaitForAssertion(() => Assert.Equal("", FormMarkup.MessageAt(panel.Find("#override-speed"))));
        panel.Find("#override-reason").Change("Knee sore after Friday's session.");
        Button(panel, "Save override").Click();

        panel.WaitForAssertion(() => Assert.Equal(1, decided));
    }
}
