using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>A clinic made for a test: its id, an administrator and a therapist who can sign in.</summary>
public sealed record TestClinic(Guid Id, string Name, string AdminEmail, string TherapistEmail, string Password);

/// <summary>
/// The real app on its own throwaway PostgreSQL database, migrated at start-up as in Development.
/// With <see cref="WithKestrel"/> it listens on a loopback port for Chromium. Its clock stands still at
/// <see cref="TestClock.Start"/> (tests may advance it) and its clinics keep <see cref="TestClock.TimeZone"/>.
/// </summary>
public class RetroWalkApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2026";

    private TestDatabase? database;
    private bool kestrel;
    private bool demoData;

    /// <summary>The app's only clock.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.NewProvider();

    public TestDatabase Database => database ?? throw new InvalidOperationException("The app fixture is not initialised.");

    /// <summary>The loopback address Chromium uses (only with Kestrel).</summary>
    public Uri ServerAddress { get; private set; } = new("http://127.0.0.1/");

    protected RetroWalkApp WithKestrel()
    {
        kestrel = true;
        return this;
    }

    protected RetroWalkApp WithDemoData()
    {
        demoData = true;
        return this;
    }

    public virtual async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        if (kestrel)
        {
            UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            StartServer();
            var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            ServerAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        }
        else
        {
            _ = Server; // builds the host: migrations run now
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:RetroWalk", Database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", demoData ? "true" : "false");
        builder.UseSetting("Demo:TimeZone", TestClock.TimeZone.Id);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>A new clinic with an administrator and a therapist (password <see cref="Password"/>).</summary>
    public async Task<TestClinic> CreateClinicAsync(string? name = null)
    {
        name ??= $"Clinic {Guid.NewGuid():N}"[..20];
        await using var scope = Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await DemoData.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var db = sp.GetRequiredService<RetroWalkDbContext>();
        var clinic = new Clinic { Name = name, Address = "1 Test Street", TimeZone = TestClock.TimeZone.Id };
        db.Clinics.Add(clinic);
        await db.SaveChangesAsync();

        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var admin = $"admin-{tag}@test.example";
        var therapist = $"therapist-{tag}@test.example";
        await DemoData.EnsureUserAsync(users, clinic.Id, admin, "Test Admin", Password, Roles.ClinicAdmin);
        await DemoData.EnsureUserAsync(users, clinic.Id, therapist, "Test Therapist", Password, Roles.Therapist);
        return new TestClinic(clinic.Id, name, admin, therapist, Password);
    }

    /// <summary>A DI scope acting as a user of the clinic, for calling feature services directly.</summary>
    public AsyncServiceScope ScopeFor(TestClinic clinic, bool admin = false, string userName = "Test Therapist")
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal =
            CurrentUser.ForClinic(clinic.Id, userName, admin).Principal;
        return scope;
    }

    /// <summary>An HTTP client that does not follow redirects and keeps cookies.</summary>
    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form (antiforgery token included).</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password)
    {
        var page = await client.GetStringAsync("/Account/Login");
        var document = new HtmlParser().ParseDocument(page);
        var form = document.QuerySelector("form[method=post]") ?? throw new InvalidOperationException("No sign-in form.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Append(new("Input.Email", email))
            .Append(new("Input.Password", password));
        return await client.PostAsync("/Account/Login", new FormUrlEncodedContent(fields));
    }
}

/// <summary>The app on Kestrel with the demo data, for browser tests.</summary>
public sealed class BrowserApp : RetroWalkApp
{
    public BrowserApp()
    {
        WithKestrel();
        WithDemoData();
    }
}
