using Bunit;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Protocols.Editor;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class ProtocolFormTests : FormComponentTest
{
    private IRenderedComponent<ProtocolForm> RenderForm(ProtocolInput model, FieldErrors? errors = null, string? message = null) =>
        Render<ProtocolForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Errors, errors)
            .Add(x => x.Message, message)
            .Add(x => x.SubmitLabel, "Save changes"));

    private static string Summary(IRenderedComponent<ProtocolForm> form) => form.Find("[data-testid=protocol-summary]").TextContent.Trim();

    [Fact]
    public void TheSummaryLineFollowsEachFieldAsItChangesBeforeAnythingIsSaved()
    {
        var form = RenderForm(new ProtocolInput());
        Assert.Equal("30 min · 3×/week · 4 weeks · 12 sessions", Summary(form));

        form.Find("#main-minutes").Change("20");
        Assert.Equal("20 min · 3×/week · 4 weeks · 12 sessions", Summary(form));

        form.Find("#weeks").Change("6");
        Assert.Equal("20 min · 3×/week · 6 weeks · 18 sessions", Summary(form));

        form.Find("#sessions-per-week").Change("2");
        Assert.Equal("20 min · 2×/week · 6 weeks · 12 sessions", Summary(form));

        form.Find("#bouts").Change("2");
        Assert.Equal("20 min (2 bouts) · 2×/week · 6 weeks · 12 sessions", Summary(form));
    }

    [Fact]
    public void ServiceMessagesShowAtTheirFieldsAndAFieldsMessageGoesWhenItChanges()
    {
        var model = new ProtocolInput { Name = "" };
        model.Outcomes.Add(new OutcomeInput { Point = AssessmentPoint.Baseline });
        var errors = new FieldErrors
        {
            { nameof(ProtocolInput.Name), "Enter a name." },
            { nameof(ProtocolInput.MainMinutes), "Main walking time must be between 1 and 120 minutes." },
            { ProtocolInput.OutcomeMeasuresField(0), "Choose at least one measure for this time point." },
        };

        var form = RenderForm(model);
        // As after a save: the answer's messages arrive at a form already on screen.
        form.Render(p => p.Add(x => x.Errors, errors).Add(x => x.Message, SaveResult.Invalid(errors).Message));

        var main = form.Find("#main-minutes");
        Assert.Equal("Main walking time must be between 1 and 120 minutes.", FormMarkup.MessageAt(main));
        Assert.Equal("true", main.GetAttribute("aria-invalid"));
        Assert.Contains("main-minutes-messages", main.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Enter a name.", FormMarkup.MessageAt(form.Find("#protocol-name")));
        Assert.Equal("Choose at least one measure for this time point.", form.Find("#outcome-0-measures-messages").TextContent.Trim());
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#warm-up")));
        Assert.Contains("Nothing was saved", form.Find("[role=alert]").TextContent, StringComparison.Ordinal);

        form.Find("#main-minutes").Change("40");

        Assert.Equal("", FormMarkup.MessageAt(form.Find("#main-minutes")));
        Assert.Equal("Enter a name.", FormMarkup.MessageAt(form.Find("#protocol-name")));
        Assert.Equal("40 min · 3×/week · 4 weeks · 12 sessions", Summary(form));
    }

    [Fact]
    public void EveryFieldHasAVisibleLabelBoundToItsInput()
    {
        var model = new ProtocolInput { Progression = ProgressionKind.DurationRamp };
        model.Outcomes.Add(new OutcomeInput { Point = AssessmentPoint.Interim, Week = 2 });

        var form = RenderForm(model);

        var inputs = FormMarkup.Inputs(form.Find("form")).ToList();
        Assert.True(inputs.Count > 40, $"Only {inputs.Count} inputs rendered.");
        foreach (var input in inputs)
        {
            Assert.False(string.IsNullOrWhiteSpace(FormMarkup.LabelOf(input)), $"No label for {input.OuterHtml[..Math.Min(160, input.OuterHtml.Length)]}");
        }
        Assert.Equal(MeasureCatalogue.All.Count, form.FindAll("[data-testid=outcome-row] input[type=checkbox]").Count);
        Assert.Equal("Starting walking time", FormMarkup.LabelOf(form.Find("#ramp-start")));
        Assert.Equal("In week", FormMarkup.LabelOf(form.Find("#outcome-0-week")));
    }

    [Fact]
    public void BeforeThePageIsInteractiveNoFieldTakesInput()
    {
        NotYetInteractive();

        var form = RenderForm(new ProtocolInput());

        Assert.All(FormMarkup.Inputs(form.Find("form")), input => Assert.True(FormMarkup.IsDisabled(input), input.Id));
        Assert.True(FormMarkup.IsDisabled(form.Find("button[type=submit]")));
        Assert.NotNull(form.Find("[data-testid=form-waiting]"));
    }
}
