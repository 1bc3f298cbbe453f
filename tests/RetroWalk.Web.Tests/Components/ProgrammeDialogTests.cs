using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>
/// The assign dialog and the programme's end dialogs against the real services and database: what each says before
/// anything changes, the messages at their fields, and that nothing changes until the therapist confirms.
/// </summary>
public sealed class ProgrammeDialogTests(AppFixture app) : AppComponentTest(app)
{
    private static readonly DayOfWeek[] MonWedFri = [DayOfWeek.Monday, DayOfWeek.Wednesday, DayOfWeek.Friday];

    /// <summary>A programme of 12 sessions from next Monday (Mon/Wed/Fri), none done.</summary>
    private async Task<ProgrammeDetails> ProgrammeAsync()
    {
        var setup = await AppServices.UseNewClinicAsync(App);
        var programmes = AppServices.Get<ProgrammeService>();
        var assigned = await programmes.AssignAsync(ProgrammeData.Assign(setup, ProgrammeData.NextMonday(), MonWedFri));
        Assert.True(assigned.Succeeded, assigned.Message);
        return (await programmes.GetAsync(assigned.Id))!;
    }

    private Task<ProgrammeDetails> ReloadAsync(ProgrammeDetails programme) => AppServices.Get<ProgrammeService>().GetAsync(programme.Id)!;

    [Fact]
    public async Task MarkingCompletedAsksFirstAndSaysWhatHappensToTheSessions()
    {
        var programme = await ProgrammeAsync();
        var results = new List<SaveResult>();
        var dialogs = Render<MudDialogProvider>();
        var actions = Render<ProgrammeActions>(p => p.Add(x => x.Programme, programme).Add(x => x.Delivered, 0).Add(x => x.OnResult, r => results.Add(r)));

        Button(actions, "Mark completed…").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("0 of 12 sessions done; the 12 remaining planned sessions will be cancelled.",
            dialogs.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Button(dialogs, "Keep it running").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Empty(results);
        var unchanged = await ReloadAsync(programme);
        Assert.True(unchanged.IsOngoing);
        Assert.Equal(12, unchanged.PlannedCount);

        Button(actions, "Mark completed…").Click();
        dialogs.WaitForAssertion(() => Button(dialogs, "Mark completed").Click());

        actions.WaitForAssertion(() => Assert.True(Assert.Single(results).Succeeded));
        var ended = await ReloadAsync(programme);
        Assert.Equal(ProgrammeStatus.Completed, ended.Status);
        Assert.Equal(0, ended.PlannedCount);
    }

    [Fact]
    public async Task DiscontinuingAsksForTheReasonAtItsFieldAndLeavesNoStaleMessageBehind()
    {
        var programme = await ProgrammeAsync();
        var results = new List<SaveResult>();
        var dialogs = Render<MudDialogProvider>();
        var actions = Render<ProgrammeActions>(p => p.Add(x => x.Programme, programme).Add(x => x.Delivered, 0).Add(x => x.OnResult, r => results.Add(r)));

        Button(actions, "Discontinue…").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("0 of 12 sessions done; the 12 remaining planned sessions will be cancelled. The programme ends today and its schedule can no longer change.",
            dialogs.Find("[data-testid=ending-consequence]").TextContent.Trim()));
        Button(dialogs, "Discontinue").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Enter the reason for discontinuing.", FormMarkup.MessageAt(dialogs.Find("#discontinue-reason"))));
        Assert.True((await ReloadAsync(programme)).IsOngoing);

        Button(dialogs, "Keep it running").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")));
        Assert.Empty(results);
        Assert.DoesNotContain("Enter the reason", actions.Markup + dialogs.Markup, StringComparison.Ordinal);

        Button(actions, "Discontinue…").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("", FormMarkup.MessageAt(dialogs.Find("#discontinue-reason"))));
        dialogs.Find("#discontinue-reason").Change("Moved to another city.");
        Button(dialogs, "Discontinue").Click();

        actions.WaitForAssertion(() => Assert.Equal("Programme discontinued.", Assert.Single(results).Message));
        var ended = await ReloadAsync(programme);
        Assert.Equal(ProgrammeStatus.Discontinued, ended.Status);
        Assert.Equal("Moved to another city.", ended.DiscontinuedReason);
        Assert.Equal(0, ended.PlannedCount);
    }

    [Fact]
    public async Task BeforeThePageIsInteractiveNoDateCanBeTypedAndNothingCanMove()
    {
        var programme = await ProgrammeAsync();
        NotYetInteractive();

        var actions = Render<ProgrammeActions>(p => p.Add(x => x.Programme, programme));

        var inputs = FormMarkup.Inputs(actions.Find("section")).ToList();
        Assert.Contains(inputs, i => FormMarkup.LabelOf(i) == "Pause from");
        Assert.Contains(inputs, i => FormMarkup.LabelOf(i) == "Make-up session on");
        Assert.All(inputs, input => Assert.True(FormMarkup.IsDisabled(input), FormMarkup.LabelOf(input)));
        Assert.All(actions.FindAll("button"), button => Assert.True(FormMarkup.IsDisabled(button), button.TextContent));
        Assert.Contains("You can type as soon as", actions.Find("[data-testid=form-waiting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAssignDialogShowsEachMessageAtItsFieldAndPreviewsTheSessions()
    {
        var setup = await AppServices.UseNewClinicAsync(App);
        var dialogs = Render<MudDialogProvider>();
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AssignProtocolDialog>("Assign a protocol",
            new DialogParameters<AssignProtocolDialog> { { x => x.PatientId, setup.PatientId } }));
        dialogs.WaitForElement("#assign-protocol");
        Assert.Equal("Choose a protocol, start date and training days to see the sessions.", dialogs.Find("[data-testid=assign-preview]").TextContent.Trim());

        Button(dialogs, "Assign and plan sessions").Click();

        dialogs.WaitForAssertion(() => Assert.Equal("Choose a protocol.", FormMarkup.MessageAt(dialogs.Find("#assign-protocol"))));
        Assert.Equal("Choose the responsible therapist.", FormMarkup.MessageAt(dialogs.Find("#assign-therapist")));
        Assert.Equal("", FormMarkup.MessageAt(dialogs.Find("#assign-start")));

        dialogs.Find("#assign-protocol").Closest(".mud-input-control")!.MouseDown();
        Popovers.WaitForAssertion(() => Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Contains("Chronic stroke, 4 weeks", StringComparison.Ordinal)).Click());

        dialogs.WaitForAssertion(() => Assert.StartsWith("12 sessions from ", dialogs.Find("[data-testid=assign-preview]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("", FormMarkup.MessageAt(dialogs.Find("#assign-protocol")));
        Assert.Equal("Choose the responsible therapist.", FormMarkup.MessageAt(dialogs.Find("#assign-therapist")));
        var days = dialogs.FindAll("input[type=checkbox]").Where(c => c.HasAttribute("checked") || c.GetAttribute("aria-checked") == "true").Select(FormMarkup.LabelOf);
        Assert.Equal(["Monday", "Wednesday", "Friday"], days);
    }
}
