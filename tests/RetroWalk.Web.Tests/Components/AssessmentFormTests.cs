using Bunit;
using MudBlazor;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class AssessmentFormTests : FormComponentTest
{
    /// <summary>Long enough for a machine under load; a passing check returns at once.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    private static readonly PatientFacts Patient = new(new DateOnly(1961, 5, 14), Sex.Female, 164, 61, Condition.ChronicStroke);

    private static AssessmentInput WithBerg() => new()
    {
        Date = new DateOnly(2026, 11, 23),
        TimePoint = AssessmentTimePoint.Baseline,
        AssessorName = "Maria Santos",
        Results = [MeasureResultInput.For(MeasureCatalogue.BergBalanceScale)],
    };

    private IRenderedComponent<AssessmentForm> RenderForm(AssessmentInput input, FieldErrors? errors = null) =>
        Render<AssessmentForm>(p => p
            .Add(x => x.Model, input)
            .Add(x => x.Patient, Patient)
            .Add(x => x.Errors, errors)
            .Add(x => x.CancelHref, "patients/x/assessments"));

    private static void Score(IRenderedComponent<AssessmentForm> form, int item, string score) => form.Find($"#m-bbs-item-{item}").Input(score);

    private static string Total(IRenderedComponent<AssessmentForm> form) => form.Find("#m-bbs-total").TextContent.Trim();

    [Fact]
    public void AScoreTheItemDoesNotAllowIsRefusedAtItsFieldAndTheTotalDoesNotClaimTheFormIsComplete()
    {
        var form = RenderForm(WithBerg());

        Score(form, 1, "5");
        for (var item = 2; item <= 14; item++)
        {
            Score(form, item, "3");
        }

        form.WaitForAssertion(() =>
            Assert.Equal("Item 1 (Sitting to standing): a score of 5 is not allowed; scores are 0–4.", form.Find("#m-bbs-item-1-messages").TextContent.Trim()), Wait);
        Assert.Equal("No total: the score of item 1 is not allowed. 13 of 14 items have an allowed score.", Total(form));
        Assert.DoesNotContain("14 of 14", Total(form), StringComparison.Ordinal);
        Assert.Contains("m-bbs-item-1-messages", form.Find("#m-bbs-item-1").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(form.FindAll("#m-bbs-item-2-messages"));

        // Corrected, the message goes and the total counts every item.
        Score(form, 1, "4");
        form.WaitForAssertion(() => Assert.Equal("43 points (of 56 points)", Total(form)), Wait);
        Assert.Empty(form.FindAll("#m-bbs-item-1-messages"));
    }

    [Fact]
    public void TextThatIsNotAWholeNumberIsRefusedAtItsFieldAndCountsAsNotAllowed()
    {
        var form = RenderForm(WithBerg());

        Score(form, 4, "2.5");
        Score(form, 5, "3");

        form.WaitForAssertion(() => Assert.Equal("Item 4 (Standing to sitting): enter a whole number from 0 to 4.", form.Find("#m-bbs-item-4-messages").TextContent.Trim()), Wait);
        Assert.Equal("No total: the score of item 4 is not allowed. 1 of 14 items have an allowed score.", Total(form));
    }

    [Fact]
    public void AnIncompleteFormSaysHowManyItemsAreScored()
    {
        var form = RenderForm(WithBerg());

        Score(form, 1, "4");
        Score(form, 2, "4");

        form.WaitForAssertion(() => Assert.StartsWith("Not complete: 2 of 14 items scored.", Total(form), StringComparison.Ordinal), Wait);
    }

    [Fact]
    public void TheServicesMessagesAppearAtTheirFields()
    {
        var errors = new FieldErrors
        {
            { nameof(AssessmentInput.Date), "The assessment date cannot be in the future." },
            { nameof(AssessmentInput.AssessorName), "Enter who assessed." },
            { nameof(AssessmentInput.Results), "Take at least one measure." },
        };

        var form = RenderForm(new AssessmentInput { Date = new DateOnly(2026, 12, 30) }, errors);

        Assert.Equal("The assessment date cannot be in the future.", form.Find("#assessment-date-messages").TextContent.Trim());
        Assert.Equal("Enter who assessed.", form.Find("#assessor-messages").TextContent.Trim());
        Assert.Equal("Take at least one measure.", form.Find("[data-testid=measures-messages]").TextContent.Trim());
    }

    [Fact]
    public void EveryFieldHasAVisibleLabelBoundToItsInput()
    {
        var input = WithBerg();
        input.Results.Add(MeasureResultInput.For(MeasureCatalogue.TenMetreWalkComfortable));
        var form = RenderForm(input);

        string[] ids = ["assessment-date", "time-point", "assessor", "assessment-notes", "m-bbs-item-1", "m-bbs-item-14", "m-10mwt-c-distance", "m-10mwt-c-time", "m-10mwt-c-aid"];
        foreach (var id in ids)
        {
            Assert.NotNull(form.Find($"#{id}"));
            var label = form.Find($"label[for='{id}']");
            Assert.False(string.IsNullOrWhiteSpace(label.TextContent), $"The label of {id} is empty.");
        }
        Assert.Equal("1. Sitting to standing", form.Find("label[for='m-bbs-item-1']").TextContent.Trim().TrimEnd('*').Trim());
        // Each measure to take is a labelled checkbox.
        Assert.Contains(form.FindAll("label.mud-checkbox"), l => l.TextContent.Trim() == "Berg Balance Scale" && l.QuerySelector("input[type=checkbox]") is not null);
    }

    [Fact]
    public void TakingOffAMeasureWithValuesAsksFirstAndKeepsItWhenTheTherapistSaysKeep()
    {
        var dialogs = Render<MudDialogProvider>();
        var input = WithBerg();
        var form = RenderForm(input);
        Score(form, 1, "4");

        form.Find("fieldset[data-measure='BBS'] .form-actions button").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("The values typed for Berg Balance Scale are cleared from this form.", dialogs.Markup, StringComparison.Ordinal), Wait);
        dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Keep").Click();
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll(".mud-dialog")), Wait);
        Assert.Single(input.Results);
        Assert.Equal("4", input.Results[0].Items[1]);
        Assert.NotEmpty(form.FindAll("fieldset[data-measure='BBS']"));
    }
}
