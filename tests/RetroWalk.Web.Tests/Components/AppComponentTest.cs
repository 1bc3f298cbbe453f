using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Components;

/// <summary>
/// Component tests against the real app's services and database: each test makes its own clinic
/// (<see cref="AppServicesForComponents.UseNewClinicAsync"/>) and the components act as its therapist.
/// </summary>
public abstract class AppComponentTest : FormComponentTest, IClassFixture<AppFixture>
{
    protected AppComponentTest(AppFixture app) : this(app, new AppServicesForComponents())
    {
    }

    private AppComponentTest(AppFixture app, AppServicesForComponents appServices) : base(appServices)
    {
        App = app;
        AppServices = appServices;
    }

    protected AppFixture App { get; }

    protected AppServicesForComponents AppServices { get; }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            AppServices.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        base.Dispose(disposing);
    }
}
