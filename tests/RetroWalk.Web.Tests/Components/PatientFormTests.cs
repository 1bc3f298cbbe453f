using AngleSharp.Html.Dom;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class PatientFormTests
{
    private static readonly string[] FieldIds =
        ["given-name", "family-name", "date-of-birth", "sex", "record-number", "primary-condition", "affected-side", "height", "weight", "resting-hr", "beta-blockers", "notes"];

    [Fact]
    public async Task EveryFieldHasAVisibleLabelBoundToItsInput()
    {
        var document = await RenderAsync(new PatientInput(), errors: null);

        foreach (var id in FieldIds)
        {
            var input = document.GetElementById(id);
            Assert.NotNull(input);
            var label = document.QuerySelector($"label[for='{id}']");
            Assert.NotNull(label);
            Assert.False(string.IsNullOrWhiteSpace(label.TextContent), $"The label for {id} is empty.");
        }
    }

    [Fact]
    public async Task ServiceMessagesAppearAtTheirFieldsAndNowhereElse()
    {
        var errors = new FieldErrors
        {
            { nameof(PatientInput.DateOfBirth), "The date of birth cannot be in the future." },
            { nameof(PatientInput.RecordNumber), "Record number RW-1001 is already used by another patient of this clinic." },
        };

        var document = await RenderAsync(new PatientInput { GivenName = "Łucja", RecordNumber = "RW-1001" }, errors);

        Assert.Equal("The date of birth cannot be in the future.", document.GetElementById("date-of-birth-messages")!.TextContent.Trim());
        Assert.Contains("already used", document.GetElementById("record-number-messages")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("", document.GetElementById("given-name-messages")!.TextContent.Trim());
        Assert.Equal(2, document.QuerySelectorAll(".form-field-invalid").Length);
        Assert.Equal("date-of-birth-messages", document.GetElementById("date-of-birth")!.GetAttribute("aria-describedby"));
    }

    [Fact]
    public async Task AFormLevelMessageIsShownAsAnAlert()
    {
        var document = await RenderAsync(new PatientInput(), null, message: "Someone else changed this patient after you opened it.");
        Assert.Contains("Someone else changed", document.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    private static Task<IHtmlDocument> RenderAsync(PatientInput model, FieldErrors? errors, string? message = null) =>
        StaticRender.RenderAsync<PatientForm>(new()
        {
            [nameof(PatientForm.Model)] = model,
            [nameof(PatientForm.Errors)] = errors,
            [nameof(PatientForm.Message)] = message,
        });
}
