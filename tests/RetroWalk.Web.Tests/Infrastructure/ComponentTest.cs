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
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>
    /// Gives the rendered components the app's own services (real database) from a scope acting for a user,
    /// e.g. <c>RetroWalkApp.ScopeFor(clinic)</c>.
    /// </summary>
    protected void UseAppServices(IServiceProvider scope, params Type[] types)
    {
        foreach (var type in types)
        {
            Services.AddSingleton(type, scope.GetRequiredService(type));
        }
    }
}
