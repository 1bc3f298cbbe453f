using Microsoft.SqlServer.TransactSql.ScriptDom;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Databases;

/// <summary>
/// The app role's grants on SQL Server, read by SQL Server's own parser (PostgreSQL's are run live by
/// TamperEvidentAuditTests): read and write on the schema, UPDATE and DELETE denied on both audit tables.
/// </summary>
public sealed class AppRoleGrantTests
{
    [Fact]
    public void SqlServerDeniesTheAppRoleUpdatesAndDeletesOfTheAuditTrailAndTheAccessLog()
    {
        var parsed = TSql.Parse(DatabaseProvider.SqlServer.GrantAppRole("retrowalk_app"));

        Assert.Empty(parsed.Errors);
        var denied = parsed.All<DenyStatement>()
            .SelectMany(d => d.Permissions.Select(p => (Table: d.SecurityTargetObject.ObjectName.MultiPartIdentifier.Identifiers.Last().Value,
                Permission: string.Join(" ", p.Identifiers.Select(i => i.Value)).ToUpperInvariant())))
            .ToHashSet();
        foreach (var table in DatabaseProvider.AppendOnlyTables)
        {
            Assert.Contains((table, "UPDATE"), denied);
            Assert.Contains((table, "DELETE"), denied);
        }
        Assert.Contains(parsed.All<CreateUserStatement>(), u => u.Name.Value == "retrowalk_app");
    }

    [Theory]
    [InlineData("app; DROP TABLE x")]
    [InlineData("app]")]
    [InlineData("app\"")]
    public void ARoleNameThatWouldBreakOutOfTheSqlIsRefused(string role)
    {
        foreach (var provider in DatabaseProvider.All)
        {
            Assert.Throws<InvalidOperationException>(() => provider.GrantAppRole(role));
        }
    }
}
