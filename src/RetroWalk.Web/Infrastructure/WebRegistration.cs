using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using MudBlazor;
using MudBlazor.Services;
using RetroWalk.Web.Components;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Auditing;
using RetroWalk.Web.Features;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Infrastructure.Security;

using RetroWalk.Web.Infrastructure.Jobs;

namespace RetroWalk.Web.Infrastructure;

public static class WebRegistration
{
    public static IHostApplicationBuilder AddRetroWalkWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents(CircuitLimits.Configure)
            .AddHubOptions(CircuitLimits.ConfigureHub);
        builder.Services.AddScoped<CircuitHandler, InteropJsonWarmUpCircuitHandler>();
        builder.Services.AddMudServices(options =>
        {
            // One short message at a time, over the app bar where it covers no form field; errors stay
            // until dismissed. Feedback (the only caller) replaces the last message; SnackbarPolicy
            // clears it on navigation.
            var snackbar = options.SnackbarConfiguration;
            snackbar.PositionClass = Defaults.Classes.Position.TopCenter;
            snackbar.MaxDisplayedSnackbars = 1;
            snackbar.PreventDuplicates = true;
            snackbar.NewestOnTop = true;
            snackbar.ShowCloseIcon = true;
            snackbar.VisibleStateDuration = 4000;
            snackbar.ShowTransitionDuration = 150;
            snackbar.HideTransitionDuration = 150;
        });
        builder.Services.AddScoped<Feedback>();
        builder.Services.AddScoped<ClinicFormats>();
        builder.Services.AddHttpContextAccessor();
        builder.AddRetroWalkSecurity();
        builder.AddRetroWalkFeatures();
        builder.AddRetroWalkJobs();
        builder.AddRetroWalkTelemetry();
        builder.AddRetroWalkReverseProxy();

        // One key ring for every instance, in the database (encrypted to a certificate when one is configured).
        builder.AddRetroWalkKeyRing();
        return builder;
    }

    public static WebApplication UseRetroWalk(this WebApplication app)
    {
        app.UseRetroWalkSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<AccountRequirementsMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(CircuitLimits.ConfigureEndpoint);
        app.MapAdditionalIdentityEndpoints();
        app.MapRetroWalkEndpoints();
        app.MapRetroWalkHealth();
        return app;
    }

    /// <summary>
    /// Commands: <c>migrate</c> applies migrations and exits (the production one-shot);
    /// <c>create-clinic NAME ADMIN-EMAIL ADMIN-NAME</c> sets up a clinic and its first administrator;
    /// <c>verify-audit</c> checks every audit chain and exits with 1 at a break;
    /// <c>archive-audit --keep-months N --to DIR</c> moves older months of the audit trail into files (PostgreSQL) and
    /// <c>restore-audit FILE</c> brings one back.
    /// Otherwise migrations apply when configured, demo data is seeded when configured, and the app runs.
    /// </summary>
    public static async Task RunRetroWalkAsync(this WebApplication app, string[] args)
    {
        switch (args)
        {
            case ["migrate", ..]:
                await Database.MigrateAsync(app.Services);
                app.Logger.LogInformation("Database migrations applied.");
                return;
            case ["verify-audit", ..]:
                Environment.ExitCode = await VerifyAuditAsync(app.Services, Console.Out);
                return;
            case ["archive-audit", "--keep-months", var keep, "--to", var directory, ..] when int.TryParse(keep, out var months):
                Environment.ExitCode = await OnScopeAsync(app.Services, (AuditArchive archive) => archive.ArchiveAsync(months, directory, Console.Out));
                return;
            case ["archive-audit", ..]:
                await Console.Error.WriteLineAsync("Usage: archive-audit --keep-months 12 --to /path/to/archive");
                Environment.ExitCode = 2;
                return;
            case ["restore-audit", var file, ..]:
                Environment.ExitCode = await OnScopeAsync(app.Services, (AuditArchive archive) => archive.RestoreAsync(file, Console.Out));
                return;
            case ["create-clinic", var name, var email, var adminName, ..]:
                Environment.ExitCode = await ClinicSetup.CreateClinicAsync(app.Services, name, email, adminName, Console.Out);
                return;
            case ["create-clinic", ..]:
                await Console.Error.WriteLineAsync("Usage: create-clinic \"Clinic name\" admin@example.org \"Admin Name\"");
                Environment.ExitCode = 2;
                return;
        }

        if (app.Configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.MigrateOnStartup)}"))
        {
            await Database.MigrateAsync(app.Services);
        }
        if (app.Environment.IsDevelopment() && app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            await DemoData.SeedAsync(app.Services);
        }
        await app.RunAsync();
    }

    private static async Task<int> OnScopeAsync<T>(IServiceProvider services, Func<T, Task<int>> command) where T : notnull
    {
        await using var scope = services.CreateAsyncScope();
        return await command(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>Prints each audit chain's state; 0 when all are intact, 1 when one is broken.</summary>
    public static async Task<int> VerifyAuditAsync(IServiceProvider services, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var reports = await scope.ServiceProvider.GetRequiredService<Features.Audit.AuditChainCheck>().CheckAsync();
        foreach (var report in reports)
        {
            var state = report.FirstBreak is { } broken
                ? $"BROKEN at row {broken.Sequence}{(broken.RowId is { } id ? $" (id {id})" : "")}: {broken.Reason}"
                : $"intact, last hash {report.LastHash}";
            var before = report.Unchained > 0 ? $"; {report.Unchained} rows written before chaining began are not covered" : "";
            var archived = report.Archived > 0 ? $" ({report.Archived} more archived)" : "";
            await output.WriteLineAsync($"{report.Chain}: {report.Rows} rows{archived} {state}{before}");
        }
        var broke = reports.Count(r => !r.Intact);
        await output.WriteLineAsync(broke == 0 ? $"All {reports.Count} audit chains are intact." : $"{broke} of {reports.Count} audit chains are broken.");
        return broke == 0 ? 0 : 1;
    }
}
