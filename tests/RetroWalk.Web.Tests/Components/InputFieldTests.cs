using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RetroWalk.Web.Components.Shared;

namespace RetroWalk.Web.Tests.Components;

public sealed class InputFieldTests : FormComponentTest
{
    private sealed class Reading
    {
        [Range(0, 10, ErrorMessage = "Pain is rated from 0 to 10.")]
        public decimal? Pain { get; set; }

        public int? HeartRate { get; set; }

        [Required(ErrorMessage = "Say what happened.")]
        public string? Note { get; set; }
    }

    /// <summary>One field in an EditForm over <paramref name="model"/> with DataAnnotations validation, bound like @bind-Value.</summary>
    private IRenderedComponent<EditForm> RenderField<TValue>(
        Reading model, string label, string id, string key, Func<TValue?> get, Action<TValue?> set, Expression<Func<TValue?>> expression,
        Action<Dictionary<string, object?>>? more = null, Action? changed = null)
    {
        return Render<EditForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.ChildContent, (EditContext _) => builder =>
            {
                builder.OpenComponent<DataAnnotationsValidator>(0);
                builder.CloseComponent();
                builder.OpenComponent<InputField<TValue>>(1);
                var parameters = new Dictionary<string, object?>
                {
                    [nameof(InputField<TValue>.Label)] = label,
                    [nameof(InputField<TValue>.Id)] = id,
                    [nameof(InputField<TValue>.For)] = key,
                    [nameof(InputField<TValue>.Value)] = get(),
                    [nameof(InputField<TValue>.ValueChanged)] = EventCallback.Factory.Create<TValue?>(this, value =>
                    {
                        set(value);
                        changed?.Invoke();
                    }),
                    [nameof(InputField<TValue>.ValueExpression)] = expression,
                };
                more?.Invoke(parameters);
                builder.AddMultipleAttributes(2, parameters!);
                builder.CloseComponent();
            }));
    }

    private IRenderedComponent<EditForm> RenderPain(Reading model, Action<Dictionary<string, object?>>? more = null, Action? changed = null) =>
        RenderField<decimal?>(model, "Pain before", "pain-before", nameof(Reading.Pain), () => model.Pain, v => model.Pain = v, () => model.Pain, more, changed);

    private static EditContext ContextOf(IRenderedComponent<EditForm> form) => form.Instance.EditContext!;

    [Fact]
    public void TheLabelIsBoundToTheInputAndTheHintAndUnitAreShownWithIt()
    {
        var form = RenderPain(new Reading { Pain = 2.5m }, p =>
        {
            p[nameof(InputField<decimal?>.Unit)] = "/ 10";
            p[nameof(InputField<decimal?>.Hint)] = "At rest, before the session";
        });

        var input = form.Find("input");
        Assert.Equal("pain-before", input.Id);
        Assert.Equal("Pain before", FormMarkup.LabelOf(input));
        Assert.Equal("2.5", input.GetAttribute("value"));
        Assert.Equal("pain-before-hint", input.GetAttribute("aria-describedby"));
        Assert.Equal("At rest, before the session", form.Find("#pain-before-hint").TextContent.Trim());
        Assert.Equal("/ 10", form.Find(".mud-input-adornment-end").TextContent.Trim());
        Assert.Equal("", FormMarkup.MessageAt(input));
        Assert.Null(input.GetAttribute("aria-invalid"));
    }

    [Fact]
    public void TheLabelUnitAndHintAreShownAsTextNeverAsMarkup()
    {
        var form = RenderField<decimal?>(new Reading(), "Pain <b>before</b>", "pain-before", nameof(Reading.Pain), () => null, _ => { }, () => new Reading().Pain,
            p =>
            {
                p[nameof(InputField<decimal?>.Unit)] = "<i>/ 10</i>";
                p[nameof(InputField<decimal?>.Hint)] = "Rest & <script>breathe</script>";
            });

        Assert.Equal("Pain <b>before</b>", FormMarkup.LabelOf(form.Find("#pain-before")));
        Assert.Equal("<i>/ 10</i>", form.Find(".mud-input-adornment-end").TextContent.Trim());
        Assert.Equal("Rest & <script>breathe</script>", form.Find("#pain-before-hint").TextContent);
        Assert.Empty(form.FindAll("b, i, script"));
    }

    [Fact]
    public void AValueTypedAndCommittedReachesTheModelAndTellsTheForm()
    {
        var model = new Reading();
        var changes = 0;
        var form = RenderPain(model, changed: () => changes++);
        var fieldChanged = new List<string>();
        ContextOf(form).OnFieldChanged += (_, e) => fieldChanged.Add(e.FieldIdentifier.FieldName);

        form.Find("#pain-before").Change("3.5");

        Assert.Equal(3.5m, model.Pain);
        Assert.Equal(1, changes);
        Assert.Equal([nameof(Reading.Pain)], fieldChanged);
        Assert.Equal("3.5", form.Find("#pain-before").GetAttribute("value"));
        // Committed on change only: typing is not sent key by key.
        Assert.Throws<MissingEventHandlerException>(() => form.Find("#pain-before").Input("4"));
    }

    [Fact]
    public void ANumberThatCannotBeReadKeepsTheTypedTextSaysWhyAtTheFieldAndLeavesTheValue()
    {
        var model = new Reading { Pain = 2 };
        var changes = 0;
        var form = RenderPain(model, changed: () => changes++);

        form.Find("#pain-before").Change("2,5");

        var input = form.Find("#pain-before");
        Assert.Equal("2,5", input.GetAttribute("value"));
        Assert.Equal("Use a point for decimals (1.5) and no thousands separators.", FormMarkup.MessageAt(input));
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("pain-before-messages", input.GetAttribute("aria-describedby"));
        Assert.Equal(2, model.Pain);
        Assert.Equal(0, changes);
        Assert.True(UnreadableNumbers.Any(ContextOf(form)));

        form.Find("#pain-before").Change("2.5");

        Assert.Equal(2.5m, model.Pain);
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#pain-before")));
        Assert.False(UnreadableNumbers.Any(ContextOf(form)));
    }

    [Fact]
    public void AWholeNumberFieldRefusesDecimalsAndKeepsWhatWasTyped()
    {
        var model = new Reading { HeartRate = 70 };
        var form = RenderField<int?>(model, "Resting heart rate", "resting-hr", nameof(Reading.HeartRate),
            () => model.HeartRate, v => model.HeartRate = v, () => model.HeartRate);

        form.Find("#resting-hr").Change("72.5");

        Assert.Equal("Type a whole number.", FormMarkup.MessageAt(form.Find("#resting-hr")));
        Assert.Equal("72.5", form.Find("#resting-hr").GetAttribute("value"));
        Assert.Equal(70, model.HeartRate);

        // Emptying the field clears an optional number.
        form.Find("#resting-hr").Change("");

        Assert.Null(model.HeartRate);
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#resting-hr")));
    }

    [Fact]
    public async Task TheFormsValidationMessageShowsAtTheFieldAndGoesWhenTheValueIsCorrected()
    {
        var model = new Reading { Pain = 12, Note = "Tripped" };
        var form = RenderPain(model);

        Assert.False(await form.InvokeAsync(() => ContextOf(form).Validate()));

        Assert.Equal("Pain is rated from 0 to 10.", FormMarkup.MessageAt(form.Find("#pain-before")));
        Assert.Contains("mud-input-error", form.Find("label[for=pain-before]").ClassList);

        form.Find("#pain-before").Change("8");

        Assert.Equal("", FormMarkup.MessageAt(form.Find("#pain-before")));
        Assert.Equal(8, model.Pain);
    }

    [Fact]
    public void AValueSetFromOutsideReplacesWhatTheFieldShows()
    {
        var model = new Reading { Pain = 2 };
        var form = RenderPain(model);
        form.Find("#pain-before").Change("1e1");
        Assert.NotEqual("", FormMarkup.MessageAt(form.Find("#pain-before")));

        // A reload or a restored draft: the field shows the new value, and the unread text is gone with its message.
        model.Pain = 4;
        form.Render();

        Assert.Equal("4", form.Find("#pain-before").GetAttribute("value"));
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#pain-before")));
        Assert.False(UnreadableNumbers.Any(ContextOf(form)));
    }

    [Fact]
    public void ATextFieldTakesTextAsTypedAndAnImmediateFieldTakesEachKey()
    {
        var model = new Reading();
        var form = RenderField<string>(model, "Note on fall", "event-fall-note", nameof(Reading.Note), () => model.Note, v => model.Note = v, () => model.Note,
            p =>
            {
                p[nameof(InputField<string>.Immediate)] = true;
                p[nameof(InputField<string>.MaxLength)] = 500;
            });

        Assert.Equal("500", form.Find("#event-fall-note").GetAttribute("maxlength"));
        Assert.Null(form.Find("#event-fall-note").GetAttribute("inputmode"));

        form.Find("#event-fall-note").Input("Tripped 1,5 m");

        Assert.Equal("Tripped 1,5 m", model.Note);
        Assert.Equal("", FormMarkup.MessageAt(form.Find("#event-fall-note")));
    }

    [Fact]
    public void ADisabledFieldCannotTakeInputAndATextAreaHasItsRows()
    {
        var model = new Reading { Note = "Steady throughout" };
        var form = RenderField<string>(model, "Notes", "notes", nameof(Reading.Note), () => model.Note, v => model.Note = v, () => model.Note,
            p =>
            {
                p[nameof(InputField<string>.Lines)] = 2;
                p[nameof(InputField<string>.Disabled)] = true;
            });

        var notes = form.Find("textarea#notes");
        Assert.True(FormMarkup.IsDisabled(notes));
        Assert.Equal("2", notes.GetAttribute("rows"));
        Assert.Equal("Steady throughout", notes.GetAttribute("value"));
        Assert.Equal("Notes", FormMarkup.LabelOf(notes));
    }
}
