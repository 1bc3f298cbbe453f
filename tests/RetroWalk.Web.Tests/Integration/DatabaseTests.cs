using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Web.Data;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

public sealed class DatabaseTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task MigrationsApplyToAnEmptyDatabaseAndMatchTheModel()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();

        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);
        Assert.Equal(db.Database.GetMigrations(), applied);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changes that no migration captures.");
    }

    [Fact]
    public async Task TheDatabaseRefusesToChangeOrDeleteAuditEntries()
    {
        var clinic = await app.CreateClinicAsync();
        await using (var scope = app.ScopeFor(clinic))
        {
            var patients = scope.ServiceProvider.GetRequiredService<Web.Features.Patients.PatientService>();
            Assert.True((await patients.CreateAsync(PatientData.Valid("AUD-1"), TestContext.Current.CancellationToken)).Succeeded);
        }

        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        foreach (var sql in new[] { "UPDATE \"AuditEntries\" SET \"UserName\" = 'x'", "DELETE FROM \"AuditEntries\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken));
            Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
        }
    }
}
