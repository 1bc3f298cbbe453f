using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

/// <summary>
/// Component tests of the app's forms: rendered as on an interactive page (unless a test says otherwise), with
/// MudBlazor's popover and dialog providers and the default date convention.
/// </summary>
public abstract class FormComponentTest : ComponentTest
{
    /// <param name="fallback">Where services this container lacks come from (the real app's feature services).</param>
    protected FormComponentTest(IServiceProvider? fallback = null)
    {
        if (fallback is not null)
        {
            Services.AddFallbackServiceProvider(fallback);
        }
        // A user without a clinic: the default date convention and no database to ask.
        var user = new CurrentUser();
        var locales = new ClinicLocales(TestClock.NewProvider());
        Services.AddSingleton(new ClinicFormats(locales, new ClinicClock(TestClock.NewProvider(), locales, user, null!), user, null!));
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        Popovers = Render<MudPopoverProvider>();
    }

    /// <summary>Where MudBlazor shows open selects and pickers.</summary>
    protected IRenderedComponent<MudPopoverProvider> Popovers { get; }

    /// <summary>The one button that reads <paramref name="text"/>.</summary>
    protected static AngleSharp.Dom.IElement Button<T>(IRenderedComponent<T> component, string text) where T : IComponent =>
        component.FindAll("button").Single(b => b.TextContent.Trim() == text);

    /// <summary>Before the page turns interactive (prerendering, or while the connection starts).</summary>
    protected void NotYetInteractive() => SetRendererInfo(new RendererInfo("Static", isInteractive: false));
}
