using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RetroWalk.Web.Data;

namespace RetroWalk.Web.Tests.Databases;

/// <summary>The setting Database:Provider as the app reads it; no database is opened.</summary>
public sealed class DatabaseProviderSettingTests
{
    [Theory]
    [InlineData(null, "Npgsql.EntityFrameworkCore.PostgreSQL", "RetroWalk.Migrations.PostgreSQL")]
    [InlineData("", "Npgsql.EntityFrameworkCore.PostgreSQL", "RetroWalk.Migrations.PostgreSQL")]
    [InlineData("PostgreSQL", "Npgsql.EntityFrameworkCore.PostgreSQL", "RetroWalk.Migrations.PostgreSQL")]
    [InlineData("SqlServer", "Microsoft.EntityFrameworkCore.SqlServer", "RetroWalk.Migrations.SqlServer")]
    [InlineData("sqlserver", "Microsoft.EntityFrameworkCore.SqlServer", "RetroWalk.Migrations.SqlServer")]
    public async Task TheSettingChoosesTheProviderAndItsMigrations(string? provider, string efProvider, string migrations)
    {
        using var host = Build(provider, provider is "SqlServer" or "sqlserver"
            ? "Server=127.0.0.1;Database=retrowalk;TrustServerCertificate=true"
            : "Host=127.0.0.1;Database=retrowalk");
        await using var scope = host.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>()
            .CreateDbContextAsync(TestContext.Current.CancellationToken);

        Assert.Equal(efProvider, db.Database.ProviderName);
        Assert.Equal(migrations, db.GetService<IMigrationsAssembly>().Assembly.GetName().Name);
    }

    [Fact]
    public void AnUnknownProviderIsRefusedWithTheChoices()
    {
        using var host = Build("Oracle", "Data Source=db");

        var refusal = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        Assert.Contains("Database:Provider must be one of: PostgreSQL, SqlServer.", refusal.Message, StringComparison.Ordinal);
    }

    private static IHost Build(string? provider, string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:RetroWalk"] = connectionString,
            ["Database:Provider"] = provider,
        });
        builder.AddRetroWalkDatabase();
        // The model depends on Identity's table layout, read from the application's IdentityOptions. EF caches
        // a model per set of equal options, across hosts in one process: give this host the app's layout, or
        // the app hosts of other tests could be handed a model without it.
        builder.Services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = RetroWalkDbContext.IdentitySchema);
        return builder.Build();
    }
}
