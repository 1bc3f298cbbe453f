using Microsoft.EntityFrameworkCore.Design;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Providers;

namespace RetroWalk.Migrations.PostgreSQL;

/// <summary>How <c>dotnet ef</c> gets the context when this project is its startup project: PostgreSQL, no server.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<RetroWalkDbContext>
{
    public RetroWalkDbContext CreateDbContext(string[] args) => DesignTimeContext.Create(DatabaseProvider.PostgreSql);
}
