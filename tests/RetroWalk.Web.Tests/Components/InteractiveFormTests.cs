using Bunit;
using Microsoft.AspNetCore.Components;
using RetroWalk.Web.Components.Shared;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class InteractiveFormTests : ComponentTest
{
    private static readonly RenderFragment Field = builder =>
    {
        builder.OpenElement(0, "input");
        builder.AddAttribute(1, "id", "pause-date");
        builder.CloseElement();
    };

    [Fact]
    public void BeforeThePageIsInteractiveTheFieldsAreDisabledAndTheUserIsTold()
    {
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var form = Render<InteractiveForm>(p => p.Add(x => x.ChildContent, Field));

        Assert.True(form.Find("fieldset").HasAttribute("disabled"));
        Assert.Contains("You can type as soon as", form.Find("[data-testid=form-waiting]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void OnceInteractiveTheFieldsTakeInput()
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));

        var form = Render<InteractiveForm>(p => p.Add(x => x.ChildContent, Field));

        Assert.False(form.Find("fieldset").HasAttribute("disabled"));
        Assert.Empty(form.FindAll("[data-testid=form-waiting]"));
        Assert.NotNull(form.Find("#pause-date"));
    }
}
