using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Components.Shared;

namespace RetroWalk.Web.Tests.Components;

/// <summary>The light checkbox and select of forms that stay open: labelled, bound, and with their messages at the field.</summary>
public sealed class ChoiceMarkupTests : FormComponentTest
{
    private sealed class Record
    {
        public SessionStatus Status { get; set; } = SessionStatus.Completed;

        public HandrailSupport? Handrail { get; set; }
    }

    private static readonly SessionStatus[] Statuses = Enum.GetValues<SessionStatus>();
    private static readonly HandrailSupport?[] Handrails = [null, .. Enum.GetValues<HandrailSupport>().Cast<HandrailSupport?>()];

    [Fact]
    public void ACheckboxIsNamedByItsLabelAndReportsBeingTickedAndCleared()
    {
        var ticked = false;
        var box = Render<CheckField>(p => p.Add(x => x.Label, "Near-fall").Add(x => x.Color, "error")
            .Add(x => x.Value, ticked).Add(x => x.ValueChanged, (bool v) => ticked = v));

        var input = box.Find("input[type=checkbox]");
        Assert.Equal("Near-fall", FormMarkup.LabelOf(input));
        Assert.False(input.HasAttribute("checked"));
        Assert.Contains("mud-error-text", box.Find(".mud-icon-button").ClassList);

        input.Change(true);
        Assert.True(ticked);
        Assert.True(box.Find("input[type=checkbox]").HasAttribute("checked"));
        Assert.Contains("mud-checkbox-true", box.Find(".mud-icon-button").ClassList);

        box.Find("input[type=checkbox]").Change(false);
        Assert.False(ticked);
    }

    [Fact]
    public void ADisabledCheckboxCannotBeTicked()
    {
        var box = Render<CheckField>(p => p.Add(x => x.Label, "Harness used").Add(x => x.Value, true).Add(x => x.Disabled, true));

        var input = box.Find("input[type=checkbox]");
        Assert.True(FormMarkup.IsDisabled(input));
        Assert.True(input.HasAttribute("checked"));
        Assert.Equal("-1", input.GetAttribute("tabindex"));
    }

    private IRenderedComponent<EditForm> RenderSelects(Record record) =>
        Render<EditForm>(p => p
            .Add(x => x.Model, record)
            .Add(x => x.ChildContent, (EditContext _) => builder =>
            {
                builder.OpenComponent<SelectField<SessionStatus>>(0);
                builder.AddComponentParameter(1, nameof(SelectField<SessionStatus>.Label), "Status");
                builder.AddComponentParameter(2, nameof(SelectField<SessionStatus>.Id), "status");
                builder.AddComponentParameter(3, nameof(SelectField<SessionStatus>.Items), Statuses);
                builder.AddComponentParameter(4, nameof(SelectField<SessionStatus>.Text), (Func<SessionStatus, string>)(s => s.Display()));
                builder.AddComponentParameter(5, nameof(SelectField<SessionStatus>.Value), record.Status);
                builder.AddComponentParameter(6, nameof(SelectField<SessionStatus>.ValueChanged),
                    EventCallback.Factory.Create<SessionStatus>(this, s => record.Status = s));
                builder.AddComponentParameter(7, nameof(SelectField<SessionStatus>.ValueExpression),
                    (System.Linq.Expressions.Expression<Func<SessionStatus>>)(() => record.Status));
                builder.AddComponentParameter(8, nameof(SelectField<SessionStatus>.Required), true);
                builder.CloseComponent();
                builder.OpenComponent<SelectField<HandrailSupport?>>(10);
                builder.AddComponentParameter(11, nameof(SelectField<HandrailSupport?>.Label), "Handrail support used");
                builder.AddComponentParameter(12, nameof(SelectField<HandrailSupport?>.Id), "handrail");
                builder.AddComponentParameter(13, nameof(SelectField<HandrailSupport?>.Items), Handrails);
                builder.AddComponentParameter(14, nameof(SelectField<HandrailSupport?>.Text), (Func<HandrailSupport?, string>)(h => h?.Display() ?? "Not recorded"));
                builder.AddComponentParameter(15, nameof(SelectField<HandrailSupport?>.Value), record.Handrail);
                builder.AddComponentParameter(16, nameof(SelectField<HandrailSupport?>.ValueChanged),
                    EventCallback.Factory.Create<HandrailSupport?>(this, h => record.Handrail = h));
                builder.AddComponentParameter(17, nameof(SelectField<HandrailSupport?>.ValueExpression),
                    (System.Linq.Expressions.Expression<Func<HandrailSupport?>>)(() => record.Handrail));
                builder.CloseComponent();
            }));

    [Fact]
    public void ASelectIsLabelledShowsTheChosenTextAndOffersEveryChoice()
    {
        var form = RenderSelects(new Record());

        var status = form.Find("select#status");
        Assert.Equal("Status", FormMarkup.LabelOf(status));
        Assert.Equal(SessionStatus.Completed.Display(), status.GetAttribute("value"));
        Assert.Equal(Statuses.Select(s => s.Display()), status.QuerySelectorAll("option").Select(o => o.TextContent));
        Assert.True(status.HasAttribute("required"));
        var handrail = form.Find("select#handrail");
        Assert.Equal("Handrail support used", FormMarkup.LabelOf(handrail));
        Assert.Equal("Not recorded", handrail.GetAttribute("value"));
    }

    [Fact]
    public void ChoosingSetsTheValueIncludingNothingAndTellsTheForm()
    {
        var record = new Record();
        var form = RenderSelects(record);
        var changed = new List<string>();
        form.Instance.EditContext!.OnFieldChanged += (_, e) => changed.Add(e.FieldIdentifier.FieldName);

        form.Find("select#status").Change(SessionStatus.Partial.Display());
        form.Find("select#handrail").Change(HandrailSupport.LightTouch.Display());

        Assert.Equal(SessionStatus.Partial, record.Status);
        Assert.Equal(HandrailSupport.LightTouch, record.Handrail);
        Assert.Equal([nameof(Record.Status), nameof(Record.Handrail)], changed);

        form.Find("select#handrail").Change("Not recorded");
        Assert.Null(record.Handrail);

        // A value that is not one of the choices (a tampered page) changes nothing.
        form.Find("select#status").Change("Deleted");
        Assert.Equal(SessionStatus.Partial, record.Status);
    }

    [Fact]
    public async Task TheFormsMessageForTheChoiceShowsAtTheField()
    {
        var record = new Record();
        var form = RenderSelects(record);
        var context = form.Instance.EditContext!;
        var store = new ValidationMessageStore(context);

        await form.InvokeAsync(() =>
        {
            store.Add(context.Field(nameof(Record.Status)), "The screening failed: record the session as not done.");
            context.NotifyValidationStateChanged();
        });

        var status = form.Find("select#status");
        Assert.Equal("The screening failed: record the session as not done.", FormMarkup.MessageAt(status));
        Assert.Equal("true", status.GetAttribute("aria-invalid"));
        Assert.Equal("status-messages", status.GetAttribute("aria-describedby"));
        Assert.Equal("", FormMarkup.MessageAt(form.Find("select#handrail")));
    }
}
