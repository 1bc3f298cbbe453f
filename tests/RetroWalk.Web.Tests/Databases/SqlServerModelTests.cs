using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Providers;

namespace RetroWalk.Web.Tests.Databases;

/// <summary>
/// What SQL Server refuses when it creates the tables, which a script parser cannot see: found in the
/// SQL Server model instead, so that no live server is needed.
/// </summary>
public sealed class SqlServerModelTests
{
    private static readonly IRelationalModel Model = DesignTimeContext.Create(DatabaseProvider.SqlServer).Model.GetRelationalModel();

    [Fact]
    public void NoKeyOrIndexIsOnAColumnSqlServerCannotIndex()
    {
        // nvarchar(max) and varbinary(max) cannot be index key columns (error 1919).
        var unindexable =
            from table in Model.Tables
            from columns in table.Indexes.Select(i => (i.Name, i.Columns))
                .Concat(table.UniqueConstraints.Select(u => (u.Name, u.Columns)))
            from column in columns.Columns
            where column.StoreType.EndsWith("(max)", StringComparison.OrdinalIgnoreCase)
            select $"{table.Name}.{column.Name} ({column.StoreType}) in {columns.Name}";

        Assert.Empty(unindexable);
    }

    [Fact]
    public void NoTableIsReachedByTwoCascadingPaths()
    {
        // SQL Server refuses a foreign key that may cause cycles or multiple cascade paths (error 1785).
        var cascading = Model.Tables
            .SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is not (ReferentialAction.NoAction or ReferentialAction.Restrict))
            .ToLookup(fk => fk.PrincipalTable.Name, fk => fk.Table.Name);

        var twice = new List<string>();
        foreach (var root in Model.Tables.Select(t => t.Name))
        {
            var reached = new Dictionary<string, int>();
            var pending = new Stack<(string Table, int Depth)>([(root, 0)]);
            while (pending.TryPop(out var current))
            {
                Assert.True(current.Depth <= Model.Tables.Count(), $"Cascading foreign keys form a cycle through {root}.");
                foreach (var dependent in cascading[current.Table])
                {
                    reached[dependent] = reached.GetValueOrDefault(dependent) + 1;
                    pending.Push((dependent, current.Depth + 1));
                }
            }
            twice.AddRange(reached.Where(r => r.Value > 1).Select(r => $"{root} -> {r.Key}"));
        }

        Assert.Empty(twice);
    }
}
