using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// Base for bUnit component tests: MudBlazor's services and the app's own UI services, with JavaScript
/// calls answered loosely (MudBlazor's components call into its script for focus and layout only).
/// </summary>
public abstract class ComponentTest : BunitContext
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        Services.AddScoped<Feedback>();
        Services.AddSingleton(ClinicFormats.Fixed(DateConvention.Default));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }
}
