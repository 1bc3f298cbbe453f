using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>
/// The real app's feature services for a component test, acting as a user of one test clinic on the test's own
/// PostgreSQL database. The clinic is made after the test context exists, so the services arrive later.
/// </summary>
public sealed class AppServicesForComponents : IServiceProvider, IAsyncDisposable
{
    private AsyncServiceScope? scope;

    public object? GetService(Type serviceType) =>
        scope is { } current ? current.ServiceProvider.GetService(serviceType) : null;

    /// <summary>A new clinic with a patient and the chronic-stroke protocol; the services act as its therapist from now on.</summary>
    public async Task<ProgrammeSetup> UseNewClinicAsync(RetroWalkApp app)
    {
        var setup = await ProgrammeData.SetUpAsync(app);
        scope = app.ScopeFor(setup.Clinic);
        return setup;
    }

    public T Get<T>() where T : notnull => scope!.Value.ServiceProvider.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        if (scope is { } current)
        {
            await current.DisposeAsync();
        }
    }
}
