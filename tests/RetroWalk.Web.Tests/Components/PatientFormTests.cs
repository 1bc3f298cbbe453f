using Bunit;
using Microsoft.AspNetCore.Components;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class PatientFormTests : FormComponentTest
{
    private static readonly string[] TextInputs = ["given-name", "family-name", "date-of-birth", "record-number", "primary-condition", "affected-side", "height", "weight", "resting-hr", "notes"];

    [Fact]
    public void EveryFieldHasAVisibleLabelBoundToItsInput()
    {
        var form = RenderForm(new PatientInput());

        foreach (var id in TextInputs)
        {
            Assert.NotNull(form.Find($"input#{id}, textarea#{id}"));
            Assert.False(string.IsNullOrWhiteSpace(form.Find($"label[for='{id}']").TextContent), $"The label for {id} is empty.");
        }
        foreach (var sex in new[] { "Female", "Male", "Other" })
        {
            Assert.Contains(form.FindAll("[role=radiogroup] label"), label => label.TextContent.Trim() == sex && label.QuerySelector("input[type=radio]") is not null);
        }
        Assert.Equal("Sex", form.Find("#sex-label").TextContent.Replace("*", "", StringComparison.Ordinal).Trim());
        Assert.Contains("beta-blockers", form.Find("label:has(input[type=checkbox])").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ServiceMessagesAppearAtTheirFieldsAndNowhereElse()
    {
        var errors = new FieldErrors
        {
            { nameof(PatientInput.DateOfBirth), "The date of birth cannot be in the future." },
            { nameof(PatientInput.RecordNumber), "Record number RW-1001 is already used by another patient of this clinic." },
        };

        var form = RenderForm(new PatientInput { GivenName = "Łucja", RecordNumber = "RW-1001" });
        form.Render(p => p.Add(x => x.Errors, errors));

        Assert.Equal("The date of birth cannot be in the future.", MessageAt(form, "date-of-birth"));
        Assert.Contains("already used", MessageAt(form, "record-number"), StringComparison.Ordinal);
        Assert.Equal("", MessageAt(form, "given-name"));
        Assert.Equal(2, form.FindAll(".mud-input-control.mud-input-error").Count);
    }

    [Fact]
    public void AValueOutOfRangeIsRefusedAtItsFieldWhenTheFormIsSubmitted()
    {
        var saved = false;
        var model = Valid();
        var form = RenderForm(model, onSubmit: () => saved = true);

        form.Find("input#height").Change("300");
        form.Find("form").Submit();

        Assert.False(saved);
        Assert.Equal("Height must be between 50 and 250 cm.", MessageAt(form, "height"));
        Assert.Equal("", MessageAt(form, "weight"));
    }

    [Fact]
    public void AnEmptyRequiredFieldIsNamedAtTheFieldAndNothingIsSubmitted()
    {
        var saved = false;
        var form = RenderForm(Valid(), onSubmit: () => saved = true);

        form.Find("input#given-name").Change("");
        form.Find("form").Submit();

        Assert.False(saved);
        Assert.Equal("Enter the given name.", MessageAt(form, "given-name"));
    }

    [Fact]
    public void ADateTypedInTheClinicsConventionIsTakenAndShownTheSameWay()
    {
        var model = Valid();
        var form = RenderForm(model);

        form.Find("input#date-of-birth").Change("2 Apr 1958");
        form.Find("input#date-of-birth").Blur();

        Assert.Equal(new DateOnly(1958, 4, 2), model.DateOfBirth);
        form.WaitForAssertion(() => Assert.Equal("Wed 2 Apr 1958", form.Find("input#date-of-birth").GetAttribute("value")));
    }

    [Fact]
    public void AValidFormIsSubmitted()
    {
        var saved = false;
        var form = RenderForm(Valid(), onSubmit: () => saved = true);

        form.Find("form").Submit();

        Assert.True(saved, string.Join(" | ", form.FindAll(".mud-input-error").Select(e => e.TextContent)));
    }

    [Fact]
    public void AFormLevelMessageIsShownAsAnAlert()
    {
        var form = RenderForm(new PatientInput(), message: "Someone else changed this patient after you opened it.");
        Assert.Contains("Someone else changed", form.Find("[role=alert]").TextContent, StringComparison.Ordinal);
    }

    private static PatientInput Valid() => new()
    {
        GivenName = "Łucja",
        FamilyName = "Wiśniewska-Nguyễn",
        DateOfBirth = new DateOnly(1951, 3, 14),
        Sex = Clinical.Sex.Female,
        RecordNumber = "RW-1001",
        PrimaryCondition = Clinical.Condition.ChronicStroke,
    };

    /// <summary>The message shown under a field (empty when it has none).</summary>
    private static string MessageAt(IRenderedComponent<PatientForm> form, string inputId) => FormMarkup.MessageAt(form.Find($"#{inputId}"));

    private IRenderedComponent<PatientForm> RenderForm(PatientInput model, FieldErrors? errors = null, string? message = null, Action? onSubmit = null)
    {
        return Render<PatientForm>(p => p
            .Add(x => x.Model, model)
            .Add(x => x.Errors, errors)
            .Add(x => x.Message, message)
            .Add(x => x.OnValidSubmit, EventCallback.Factory.Create(this, () => onSubmit?.Invoke())));
    }
}
