using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>
/// T-SQL read by SQL Server's own parser (ScriptDom, SQL Server 2022 grammar); no server needed.
/// Text run through <c>EXEC(N'...')</c> is parsed too, as SQL Server would when it runs it.
/// </summary>
public sealed class TSql
{
    private readonly List<TSqlFragment> parsed = [];
    private readonly List<string> errors = [];

    private TSql()
    {
    }

    /// <summary>What the parser refused, with line and column (inside the EXEC text for executed SQL).</summary>
    public IReadOnlyList<string> Errors => errors;

    public static TSql Parse(string sql)
    {
        var result = new TSql();
        result.Add(sql, "");
        return result;
    }

    /// <summary>Every fragment of one kind, in the script and in the SQL it executes, however deeply nested.</summary>
    public IReadOnlyList<T> All<T>() where T : TSqlFragment => [.. parsed.SelectMany(Collect<T>)];

    /// <summary>Every fragment of one kind inside one statement (a trigger's body, say).</summary>
    public static IReadOnlyList<T> Within<T>(TSqlFragment statement) where T : TSqlFragment => Collect<T>(statement);

    private void Add(string sql, string where)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var found);
        parsed.Add(fragment);
        errors.AddRange(found.Select(e => $"{where}line {e.Line}, column {e.Column}: {e.Message}"));
        foreach (var execute in Collect<ExecuteStatement>(fragment))
        {
            if (execute.ExecuteSpecification.ExecutableEntity is ExecutableStringList { Strings.Count: > 0 } text)
            {
                Add(ExecutedText(text), $"{where}EXEC at line {execute.StartLine}, ");
            }
        }
    }

    /// <summary>
    /// The SQL an <c>EXEC(...)</c> runs. EF Core builds some of it from a variable
    /// (<c>N'ALTER TABLE [T] DROP CONSTRAINT [' + @var + '];'</c>): a variable stands in as a plain name.
    /// </summary>
    private static string ExecutedText(ExecutableStringList text) =>
        string.Concat(text.Strings.Select(part => part is StringLiteral literal ? literal.Value : "executed_name"));

    private static List<T> Collect<T>(TSqlFragment fragment) where T : TSqlFragment
    {
        var collector = new Collector<T>();
        fragment.Accept(collector);
        return collector.Found;
    }

    private sealed class Collector<T> : TSqlFragmentVisitor where T : TSqlFragment
    {
        public List<T> Found { get; } = [];

        public override void Visit(TSqlFragment fragment)
        {
            if (fragment is T match)
            {
                Found.Add(match);
            }
        }
    }
}
