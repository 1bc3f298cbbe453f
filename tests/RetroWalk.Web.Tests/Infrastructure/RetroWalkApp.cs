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
/// With <see cref="WithKestrel"/> it listens on a loopback port for Chromium. Its clock starts at
/// <see cref="TestClock.Start"/> (<see cref="TestClock.NewProvider"/>) and its clinics keep <see cref="TestClock.TimeZone"/>.
/// </summary>
public class RetroWalkApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = "Test-Password-2026";

    private TestDatabase? database;
    private bool ownsDatabase = true;
    private bool kestrel;
    private bool demoData;
    private string? server;
    private readonly Dictionary<string, string> settings = [];
    private bool productionSignInDefaults;

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

    /// <summary>Sign-in throttling and two-factor requirements exactly as a deployment gets them.</summary>
    protected RetroWalkApp WithProductionSignInDefaults()
    {
        productionSignInDefaults = true;
        return this;
    }

    protected RetroWalkApp WithDemoData()
    {
        demoData = true;
        return this;
    }

    /// <summary>
    /// Where its job results go: its own folder under the test output unless set (two apps that stand for two
    /// instances, or one app and its restart, share one).
    /// </summary>
    public string ResultsDirectory => settings.TryGetValue("Jobs:ResultsDirectory", out var shared) ? shared : defaultResults;

    private readonly string defaultResults = Path.Combine(AppContext.BaseDirectory, "job-results", Guid.NewGuid().ToString("N"));

    /// <summary>A database the test made and keeps (for a restart on the same data, or a second instance); the app leaves it in place.</summary>
    public RetroWalkApp OnDatabase(TestDatabase existing)
    {
        database = existing;
        ownsDatabase = false;
        return this;
    }

    /// <summary>Its database on another PostgreSQL server than the shared test server.</summary>
    public RetroWalkApp OnServer(string serverConnectionString)
    {
        server = serverConnectionString;
        return this;
    }

    /// <summary>A configuration value, as an environment variable would set it.</summary>
    public RetroWalkApp WithSetting(string key, string value)
    {
        settings[key] = value;
        return this;
    }

    public virtual async ValueTask InitializeAsync()
    {
        database ??= await TestDatabase.CreateAsync(server);
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
        builder.UseSetting("Jobs:ResultsDirectory", defaultResults);
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));
        // One test app stands in for a whole clinic network signing in from one address, and its tests sign
        // administrators in with a password only. The security tests use the real defaults (WithProductionSignInDefaults).
        if (!productionSignInDefaults)
        {
            builder.UseSetting("SignIn:PerAddressPerMinute", "100000");
            builder.UseSetting("SignIn:PerAccountPerWindow", "1000");
            builder.UseSetting("SignIn:RequireTwoFactorForAdministrators", "false");
        }
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null && ownsDatabase)
        {
            await database.DisposeAsync();
        }
        if (Directory.Exists(defaultResults))
        {
            Directory.Delete(defaultResults, recursive: true);
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

    /// <summary>A client of the real Kestrel listener (<see cref="WithKestrel"/>) that keeps cookies and does not follow redirects.</summary>
    public HttpClient CreateKestrelClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() }) { BaseAddress = ServerAddress };

    /// <summary>An HTTP client that does not follow redirects and keeps cookies.</summary>
    public HttpClient CreateBrowserlikeClient() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Signs in through the real sign-in form (antiforgery token included).</summary>
    public static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, "/Account/Login", new() { ["Input.Email"] = email, ["Input.Password"] = password });

    /// <summary>
    /// Opens a page, takes the posted form holding the given fields (with its hidden fields: antiforgery token,
    /// form name), fills the fields in and posts it (to <paramref name="action"/> when given), as a browser
    /// without JavaScript would.
    /// </summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> values, string? action = null)
    {
        var page = await client.GetStringAsync(path);
        var document = new HtmlParser().ParseDocument(page);
        var form = document.QuerySelectorAll("form[method=post]")
            .FirstOrDefault(f => values.Keys.All(name => f.QuerySelector($"[name='{name}']") is not null))
            ?? throw new InvalidOperationException($"{path} has no form with the fields {string.Join(", ", values.Keys)}.");
        var fields = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(f => !values.ContainsKey(f.Key))
            .Concat(values);
        return await client.PostAsync(action ?? path, new FormUrlEncodedContent(fields));
    }
}

/// <summary>The app on Kestrel with the demo data, for browser tests.</summary>
public sealed class BrowserApp : RetroWalkApp
{
    public BrowserApp(string? server = null)
    {
        WithKestrel();
        WithDemoData();
        if (server is not null)
        {
            OnServer(server);
        }
    }
}
