using Microsoft.AspNetCore.DataProtection;
using Radzen;
using RetroWalk.Web.Components;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features;
using RetroWalk.Web.Features.Demo;

namespace RetroWalk.Web.Infrastructure;

public static class WebRegistration
{
    public static IHostApplicationBuilder AddRetroWalkWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddRadzenComponents();
        builder.Services.AddHttpContextAccessor();
        builder.AddRetroWalkFeatures();

        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("RetroWalk");
        if (builder.Configuration["DataProtection:KeysDirectory"] is { Length: > 0 } keys)
        {
            // Shared by every instance (a volume in docker-compose.yml) so sign-in cookies survive restarts.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        return builder;
    }

    public static WebApplication UseRetroWalk(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseMigrationsEndPoint();
        }
        else
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseMiddleware<MustChangePasswordMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
#if BLAZOR_SCRIPT_SHIM
        app.MapBlazorScriptShim();
#endif
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapRetroWalkEndpoints();
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }

    /// <summary>
    /// <c>migrate</c> as the first argument applies migrations and exits (the production one-shot);
    /// otherwise migrations apply when configured, demo data is seeded when configured, and the app runs.
    /// </summary>
    public static async Task RunRetroWalkAsync(this WebApplication app, string[] args)
    {
        if (args.FirstOrDefault() == "migrate")
        {
            await Database.MigrateAsync(app.Services);
            app.Logger.LogInformation("Database migrations applied.");
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
}
