using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Providers;

namespace RetroWalk.Web.Tests.Databases;

/// <summary>Both providers' migrations against the one model; no database server needed.</summary>
public sealed class MigrationsTests
{
    public static TheoryData<string> Providers => [.. DatabaseProvider.All.Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProvidersMigrationsCaptureTheWholeModel(string provider)
    {
        using var db = DesignTimeContext.Create(DatabaseProvider.Named(provider)!);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration captures: add a migration for each provider (README, \"Database migrations\").");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void EachProviderTakesItsMigrationsFromItsOwnAssembly(string provider)
    {
        using var db = DesignTimeContext.Create(DatabaseProvider.Named(provider)!);

        var assembly = db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;
        Assert.Equal($"RetroWalk.Migrations.{provider}", assembly);
    }

    [Fact]
    public void ExistingPostgreSqlDatabasesKeepTheirMigrationHistory()
    {
        using var db = DesignTimeContext.Create(DatabaseProvider.PostgreSql);

        // Ids already recorded in installed databases' __EFMigrationsHistory: never renamed, reordered or squashed.
        string[] released =
        [
            "20261121061155_InitialCreate",
            "20261121061223_AuditAppendOnly",
            "20261121062542_Programmes",
            "20261121064935_Reports",
            "20261121065432_Assessments",
            "20261121070824_Sessions",
            "20261121073204_ClinicSpeedUnitWithoutDatabaseDefault",
            "20261121073413_OneOngoingProgrammePerPatient",
        ];
        Assert.Equal(released, db.Database.GetMigrations().Take(released.Length));
    }
}
