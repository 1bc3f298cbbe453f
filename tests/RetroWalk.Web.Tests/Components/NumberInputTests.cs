using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class NumberInputTests : ComponentTest
{
    private sealed class Minutes
    {
        public decimal? Main { get; set; } = 140;
    }

    private (IRenderedComponent<EditForm> Form, EditContext Context) RenderField(Minutes model)
    {
        var context = new EditContext(model);
        RenderFragment<EditContext> field = _ => builder =>
        {
            builder.OpenComponent<NumberInput<decimal?>>(0);
            builder.AddAttribute(1, nameof(NumberInput<decimal?>.Label), "Main backward walking");
            builder.AddAttribute(2, nameof(NumberInput<decimal?>.Id), "main-minutes");
            builder.AddAttribute(3, nameof(NumberInput<decimal?>.For), nameof(Minutes.Main));
            builder.AddAttribute(4, nameof(NumberInput<decimal?>.Value), model.Main);
            builder.AddAttribute(5, nameof(NumberInput<decimal?>.ValueChanged),
                EventCallback.Factory.Create<decimal?>(this, value => model.Main = value));
            builder.CloseComponent();
        };
        var form = Render<EditForm>(p => p.Add(f => f.EditContext, context).Add(f => f.ChildContent, field));
        return (form, context);
    }

    [Fact]
    public void ANumberInExponentNotationIsRefusedAtTheFieldAndKeepsTheFormFromSaving()
    {
        var model = new Minutes();
        var (form, context) = RenderField(model);

        form.Find("#main-minutes").Change("1.2e2");

        Assert.Equal(140m, model.Main);
        Assert.Contains("not in exponent notation", form.Find("#main-minutes-messages").TextContent, StringComparison.Ordinal);
        Assert.True(UnreadableNumbers.Any(context));

        form.Find("#main-minutes").Change("120");

        Assert.Equal(120m, model.Main);
        Assert.Empty(form.Find("#main-minutes-messages").TextContent.Trim());
        Assert.False(UnreadableNumbers.Any(context));
    }

    [Fact]
    public void EmptyingTheFieldClearsTheValue()
    {
        var model = new Minutes();
        var (form, context) = RenderField(model);

        form.Find("#main-minutes").Change("");

        Assert.Null(model.Main);
        Assert.False(UnreadableNumbers.Any(context));
    }
}
