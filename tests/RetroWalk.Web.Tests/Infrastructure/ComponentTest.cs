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
    static ComponentTest()
    {
        // Waits end when their condition holds; the limit only bounds a test that would otherwise hang. bUnit's
        // one second is too short on a busy 2-core machine running the whole suite beside a build.
        DefaultWaitTimeout = TimeSpan.FromSeconds(30);
        // Synchronous waits (WaitForAssertion, Click) hold a pool thread each while tests run in parallel: start
        // with enough threads that the renderer's dispatcher is never starved behind them.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 32), io);
    }

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
