using Bunit;
using Microsoft.AspNetCore.Components.Web;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class SessionFormTests : FormComponentTest
{
    private static readonly ProtocolDefinition ChronicStroke = ProtocolTemplates.Find(ProtocolTemplates.ChronicStroke4WeeksKey)!;

    /// <summary>Session 4 of a chronic-stroke programme, prescribed 5 + 30 + 5 min at 1.2 km/h, recorded as it went.</summary>
    private static SessionInput Completed() => new()
    {
        Sequence = 4,
        Date = new DateOnly(2026, 11, 23),
        Status = SessionStatus.Completed,
        WarmUpMinutes = 5,
        MainMinutes = 30,
        CoolDownMinutes = 5,
        StartSpeed = 1.0m,
        EndSpeed = 1.2m,
        Rpe = 12,
    };

    private static SessionFormData Form(SessionInput input) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Łucja Wiśniewska-Nguyễn", "RW-1001", "Chronic stroke, 4 weeks",
        ProgrammeStart: new DateOnly(2026, 11, 16), Today: new DateOnly(2026, 11, 25), ProgrammeOngoing: true, SpeedUnit.KilometresPerHour,
        ChronicStroke, new PlannedSessionView(4, new DateOnly(2026, 11, 23), 2, false, new SessionPrescription(1.2m, 0, InclineUnit.Degrees, 5, 30, 5)),
        SessionsInProgramme: 12, PatientDateOfBirth: new DateOnly(1955, 6, 1), PatientRestingHeartRate: 70, TakesBetaBlockers: false, input);

    private IRenderedComponent<SessionForm> RenderForm(SessionInput input) =>
        Render<SessionForm>(p => p.Add(x => x.Model, input).Add(x => x.Form, Form(input)).Add(x => x.SaveState, "Not saved yet."));

    /// <summary>
    /// One key typed into a field: down and up, as the browser sends them. The field does not listen to keys at all,
    /// so the key never reaches the server (the value is committed later).
    /// </summary>
    private static void Press(IRenderedComponent<SessionForm> form, string selector, string key)
    {
        Assert.Throws<MissingEventHandlerException>(() => form.Find(selector).KeyDown(new KeyboardEventArgs { Key = key, Code = $"Digit{key}" }));
        Assert.Throws<MissingEventHandlerException>(() => form.Find(selector).KeyUp(new KeyboardEventArgs { Key = key, Code = $"Digit{key}" }));
    }

    private static string StatusShown(IRenderedComponent<SessionForm> form) => form.Find("#status").GetAttribute("value")!;

    [Fact]
    public void TypingARestingHeartRateOf72KeyByKeyNeverChangesTheStatusOrWhatWasEntered()
    {
        var input = Completed();
        var form = RenderForm(input);

        // Key by key, as a person types: the field reads "7" before it reads "72".
        Press(form, "#resting-hr", "7");
        Assert.Empty(form.FindAll("[data-testid=resting-hr-finding]"));
        Assert.Empty(form.FindAll("[data-testid=screening-failed]"));
        Assert.Equal("Completed", StatusShown(form));
        Assert.Null(input.RestingHeartRate);
        // The field does not listen to each keystroke at all: only the entered value reaches the form.
        Assert.Throws<MissingEventHandlerException>(() => form.Find("#resting-hr").Input("7"));

        Press(form, "#resting-hr", "2");
        form.Find("#resting-hr").Change("72");

        Assert.Equal(72, input.RestingHeartRate);
        Assert.Equal(SessionStatus.Completed, input.Status);
        Assert.Equal("Completed", StatusShown(form));
        Assert.Equal(30, input.MainMinutes);
        Assert.Equal(1.2m, input.EndSpeed);
        Assert.Equal("30", form.Find("#main-minutes").GetAttribute("value"));
        Assert.False(FormMarkup.IsDisabled(form.Find("#main-minutes")));
        Assert.Empty(form.FindAll("[data-testid=resting-hr-finding]"));
    }

    [Fact]
    public void AnEnteredReadingBeyondALimitShowsTheFailedCheckBesideItAndChangesNothingElse()
    {
        var input = Completed();
        var form = RenderForm(input);

        form.Find("#resting-hr").Change("7");

        Assert.Equal("Resting heart rate 7 bpm is below the limit of 40 bpm: no session today.", form.Find("[data-testid=resting-hr-finding]").TextContent.Trim());
        Assert.Contains("Screening failed: no session today.", form.Find("[data-testid=screening-failed]").TextContent, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Completed, input.Status);
        Assert.Equal(30, input.MainMinutes);
        Assert.False(FormMarkup.IsDisabled(form.Find("#main-minutes")));

        // A typing slip corrected: the finding goes, and nothing was changed in between.
        form.Find("#resting-hr").Change("72");

        Assert.Empty(form.FindAll("[data-testid=resting-hr-finding]"));
        Assert.Empty(form.FindAll("[data-testid=screening-failed]"));
        Assert.Equal(SessionStatus.Completed, input.Status);
    }

    [Fact]
    public void NotDoneAfterAFailedScreeningIsTheTherapistsExplicitChoice()
    {
        var input = Completed();
        var form = RenderForm(input);
        form.Find("#resting-systolic").Change("212");
        Assert.Equal("Resting systolic BP 212 mmHg is above the limit of 200 mmHg: no session today.", form.Find("[data-testid=resting-systolic-finding]").TextContent.Trim());

        form.FindAll("[data-testid=screening-failed] button").Single(b => b.TextContent.Contains(ScreeningRules.NotDoneChoice, StringComparison.Ordinal)).Click();

        Assert.Equal(SessionStatus.CancelledByClinic, input.Status);
        Assert.Equal("Not done: screening failed (cancelled by the clinic)", StatusShown(form));
        Assert.Contains("Not done: screening failed: the treadmill and effort values are not recorded", form.Find("[data-testid=not-done-note]").TextContent, StringComparison.Ordinal);
        // What was typed stays on screen, greyed; the record saved leaves it out.
        Assert.True(FormMarkup.IsDisabled(form.Find("#main-minutes")));
        Assert.Equal("30", form.Find("#main-minutes").GetAttribute("value"));
        var saved = input.ForSaving();
        Assert.Null(saved.MainMinutes);
        Assert.Null(saved.EndSpeed);
        Assert.Null(saved.Rpe);
        Assert.Equal(212, saved.RestingSystolic);
        Assert.Equal(30, input.MainMinutes);
    }

    [Fact]
    public void TheStopWarningRisesAsTheValueIsTypedAndChangesNothing()
    {
        var input = Completed();
        var form = RenderForm(input);
        var systolic = form.Find("#systolic-after");

        systolic.Input("2");
        systolic.Input("26");
        Assert.Empty(form.FindAll("[data-testid=stop-warning]"));

        systolic.Input("260");

        var warning = form.Find("[data-testid=stop-warning]");
        Assert.Equal("alert", warning.GetAttribute("role"));
        Assert.Contains("Stop criterion reached: stop the session.", warning.TextContent, StringComparison.Ordinal);
        Assert.Contains("Systolic BP 260 mmHg is above the stop limit of 250 mmHg: stop the session.", warning.TextContent, StringComparison.Ordinal);
        Assert.Equal(SessionStatus.Completed, input.Status);
        Assert.Equal(30, input.MainMinutes);

        form.Find("#systolic-after").Input("180");
        Assert.Empty(form.FindAll("[data-testid=stop-warning]"));
    }

    [Fact]
    public void AnAdverseEventsNoteAppearsWhenItsBoxIsTicked()
    {
        var input = Completed();
        var form = RenderForm(input);
        Assert.Empty(form.FindAll("#event-nearfall-note"));

        var nearFall = form.FindAll("input[type=checkbox]").Single(c => FormMarkup.LabelOf(c) == "Near-fall");
        nearFall.Change(true);

        Assert.True(input.AdverseEvents.Single(e => e.Type == AdverseEventType.NearFall).Occurred);
        Assert.Equal("Note on near-fall", FormMarkup.LabelOf(form.Find("#event-nearfall-note")));
        Assert.Single(form.FindAll("[id$=-note]"));
    }

    [Fact]
    public void ServiceMessagesShowAtTheirFieldsAndAFieldsMessageGoesWhenItChanges()
    {
        var input = Completed();
        input.AdverseEvents.Single(e => e.Type == AdverseEventType.Other).Occurred = true;
        var form = RenderForm(input);
        var errors = new FieldErrors
        {
            { nameof(SessionInput.Date), "The session date is in the future." },
            { nameof(SessionInput.Rpe), "RPE must be between 6 and 20 on the Borg 6–20 scale." },
            { nameof(SessionInput.Status), "The pre-session screening failed, so the session cannot be recorded as completed: choose “Not done: screening failed” or correct the reading." },
            { "AdverseEvents.Other", "Describe the adverse event." },
        };

        form.Render(p => p.Add(x => x.Errors, errors).Add(x => x.Message, SaveResult.Invalid(errors).Message));

        Assert.Equal("RPE must be between 6 and 20 on the Borg 6–20 scale.", FormMarkup.MessageAt(form.Find("#rpe")));
        Assert.Equal("Describe the adverse event.", FormMarkup.MessageAt(form.Find("#event-other-note")));
        Assert.StartsWith("The pre-session screening failed", FormMarkup.MessageAt(form.Find("#status")), StringComparison.Ordinal);
        Assert.Equal("The session date is in the future.", form.Find("#session-date-messages").TextContent.Trim());
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#main-minutes")));
        Assert.Contains("Nothing was saved", form.Find("[data-testid=save-message]").TextContent, StringComparison.Ordinal);

        form.Find("#rpe").Change("13");

        Assert.Equal("", FormMarkup.MessageAt(form.Find("#rpe")));
        Assert.Equal("Describe the adverse event.", FormMarkup.MessageAt(form.Find("#event-other-note")));
    }

    [Fact]
    public void ANumberInExponentNotationIsRefusedAtItsFieldAndTheFormIsNotSaved()
    {
        var input = Completed();
        var saves = 0;
        var form = Render<SessionForm>(p => p.Add(x => x.Model, input).Add(x => x.Form, Form(input)).Add(x => x.OnSave, () => saves++));

        form.Find("#rpe").Change("1.2e1");

        Assert.Equal("Type the number in plain digits (e.g. 12), not in exponent notation.", FormMarkup.MessageAt(form.Find("#rpe")));
        Assert.Equal(12, input.Rpe);
        form.Find("form").Submit();
        Assert.Equal(0, saves);
        Assert.Contains("could not be read", form.Find("[data-testid=unreadable-number]").TextContent, StringComparison.Ordinal);

        form.Find("#rpe").Change("13");
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#rpe")));
        form.Find("form").Submit();
        Assert.Equal(1, saves);
        Assert.Equal(13, input.Rpe);
    }

    [Fact]
    public void EveryFieldHasAVisibleLabelAndTheScreeningComesFirst()
    {
        var form = RenderForm(Completed());

        var inputs = FormMarkup.Inputs(form.Find("form")).ToList();
        foreach (var input in inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(FormMarkup.LabelOf(input)), $"No label for {input.OuterHtml[..Math.Min(160, input.OuterHtml.Length)]}");
        }
        var reachable = inputs.Where(i => i.GetAttribute("tabindex") != "-1").Select(i => i.Id).ToList();
        Assert.Equal(["resting-hr", "resting-systolic"], reachable.Take(2));
        Assert.Contains("session-date", reachable);
        Assert.Contains("notes", reachable);
    }

    [Fact]
    public void BeforeThePageIsInteractiveNoFieldTakesInput()
    {
        NotYetInteractive();

        var form = RenderForm(Completed());

        Assert.All(FormMarkup.Inputs(form.Find("form")), input => Assert.True(FormMarkup.IsDisabled(input), input.Id));
        Assert.True(FormMarkup.IsDisabled(form.Find("button[type=submit]")));
    }
}
