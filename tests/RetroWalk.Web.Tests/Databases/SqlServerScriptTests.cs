using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using RetroWalk.Web.Data;
using RetroWalk.Web.Data.Providers;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Databases;

/// <summary>
/// No SQL Server runs on the build machines, so the SQL Server migrations are checked by generating the
/// idempotent script an installation would run and reading it with SQL Server's own T-SQL parser.
/// </summary>
public sealed class SqlServerScriptTests
{
    private static readonly Lazy<string> Script = new(() =>
    {
        using var db = DesignTimeContext.Create(DatabaseProvider.SqlServer);
        return db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
    });

    [Fact]
    public void TheIdempotentScriptParsesWithoutErrors()
    {
        Assert.Empty(TSql.Parse(Script.Value).Errors);
    }

    [Fact]
    public void TheScriptCreatesTheFilteredIndexForOneOngoingProgrammePerPatient()
    {
        var index = Assert.Single(TSql.Parse(Script.Value).All<CreateIndexStatement>(), i => i.Name.Value == Programme.OneOngoingPerPatientIndex);
        Assert.True(index.Unique);
        Assert.Equal("Programme", index.OnName.BaseIdentifier.Value);
        Assert.Equal("PatientId", Assert.Single(index.Columns).Column.MultiPartIdentifier.Identifiers.Single().Value);
        var filter = Assert.IsType<InPredicate>(index.FilterPredicate);
        Assert.Equal("Status", Assert.IsType<ColumnReferenceExpression>(filter.Expression).MultiPartIdentifier.Identifiers.Single().Value);
        Assert.Equal(ProgrammeStatuses.Ongoing.Select(s => s.ToString()),
            filter.Values.Select(v => Assert.IsType<StringLiteral>(v).Value));
    }

    [Fact]
    public void TheScriptCreatesTheTriggerThatRefusesUpdatesAndDeletesOfAuditEntries()
    {
        var parsed = TSql.Parse(Script.Value);

        // CREATE TRIGGER must begin a batch, so the script runs it through EXEC; TSql parses that text too.
        var trigger = Assert.Single(parsed.All<CreateTriggerStatement>(), t => t.TriggerObject.Name.BaseIdentifier.Value == "AuditEntries");
        Assert.Equal("AuditEntries", trigger.TriggerObject.Name.BaseIdentifier.Value);
        Assert.Equal(TriggerType.After, trigger.TriggerType);
        Assert.Equal([TriggerActionType.Update, TriggerActionType.Delete], trigger.TriggerActions.Select(a => a.TriggerActionType));
        var refusal = Assert.Single(TSql.Within<ThrowStatement>(trigger));
        Assert.Contains("append-only", Assert.IsType<StringLiteral>(refusal.Message).Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SqlServerProvider.CompactAuditEntries)]
    [InlineData(SqlServerProvider.ExpandAuditEntries)]
    public void TheAuditTrailsRewriteParsesAndSwitchesTheAppendOnlyTriggerBackOnAfterItsUpdate(string rewrite)
    {
        var parsed = TSql.Parse(rewrite);

        Assert.Empty(parsed.Errors);
        // The migration's one rewrite of the append-only table: the trigger off, the rows updated, the trigger on again,
        // in one batch of the migration's transaction.
        var update = Assert.Single(parsed.All<UpdateStatement>());
        var switches = parsed.All<EnableDisableTriggerStatement>();
        Assert.Equal([TriggerEnforcement.Disable, TriggerEnforcement.Enable], switches.Select(s => s.TriggerEnforcement));
        Assert.All(switches, s => Assert.Equal("AuditEntries_AppendOnly", Assert.Single(s.TriggerNames).BaseIdentifier.Value));
        Assert.True(switches[0].StartOffset < update.StartOffset && update.StartOffset < switches[1].StartOffset);
        Assert.Equal("AuditEntries", Assert.IsType<NamedTableReference>(update.UpdateSpecification.Target).SchemaObject.BaseIdentifier.Value);
    }

    [Fact]
    public void AScriptThatSqlServerWouldRefuseIsReported()
    {
        // The trigger as it would be without EXEC, inside the idempotent script's IF block: SQL Server refuses
        // it, and so must the check; likewise a script cut off in the middle of a statement.
        const string Exec = "EXEC(N'", EndExec = "');";
        var script = Script.Value;
        var start = script.IndexOf(Exec + "CREATE TRIGGER", StringComparison.Ordinal);
        var end = script.IndexOf("END" + EndExec, start, StringComparison.Ordinal) + "END".Length;
        var unwrapped = script[..start] + script[(start + Exec.Length)..end].Replace("''", "'", StringComparison.Ordinal) + script[(end + EndExec.Length)..];
        Assert.NotEqual(Script.Value, unwrapped);
        Assert.NotEmpty(TSql.Parse(unwrapped).Errors);

        var cut = Script.Value[..Script.Value.IndexOf(Programme.OneOngoingPerPatientIndex, StringComparison.Ordinal)];
        Assert.NotEmpty(TSql.Parse(cut).Errors);
    }
}
