using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Reports;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Scale;

/// <summary><see cref="Only"/>: run only the operations whose name contains it.</summary>
public sealed record TimedOptions(int Iterations, DateOnly Today, string PlansDirectory, string? Only = null);

/// <summary>
/// Times the app's own services on the seeded clinic, warm (after a few untimed runs), each operation
/// <see cref="TimedOptions.Iterations"/> times, and writes the plan of every query an operation sends, run with
/// EXPLAIN (ANALYZE, BUFFERS), to one text file per operation.
/// </summary>
internal sealed class Timed(IServiceProvider services, string connectionString, TimedOptions options, TextWriter log)
{
    /// <summary>The first page unfiltered, a name that sorts late, a record number, common fragments of three and two letters, two words.</summary>
    private static readonly string[] SearchTerms = ["", "wisniewska", "RW-150000", "kow", "an", "nguyen thi"];

    /// <summary>One timed operation; the dashboard's run as a therapist (their own programmes come first or alone), the others as the administrator.</summary>
    /// <summary><paramref name="Before"/>, when given, runs untimed before each run.</summary>
    private sealed record Operation(string Name, Func<IServiceProvider, CancellationToken, Task> Run, bool AsTherapist = false,
        Func<IServiceProvider, CancellationToken, Task>? Before = null);

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var subject = await SubjectAsync(cancellationToken);
        if (subject is null)
        {
            await log.WriteLineAsync($"No \"{Seeder.ClinicName}\" in this database: run the seed command first.");
            return 1;
        }
        var (clinicId, patientId, programmeId, patientSessions) = subject.Value;
        await log.WriteLineAsync($"Patient with the most data: {patientId} ({patientSessions} session records); its programme {programmeId}.");

        var therapistId = await UserIdAsync(Seeder.TherapistEmail(1), cancellationToken);
        var from = options.Today.AddDays(-90);
        Operation[] operations =
        [
            new("dashboard flags, first of the day", (sp, ct) => FirstOfTheDay(sp).FlagsAsync(DashboardFlagService.DashboardCount, ct), AsTherapist: true),
            new("dashboard flags", (sp, ct) => sp.GetRequiredService<DashboardFlagService>().FlagsAsync(DashboardFlagService.DashboardCount, ct), AsTherapist: true),
            new("dashboard flags after a save", (sp, ct) => sp.GetRequiredService<DashboardFlagService>().FlagsAsync(DashboardFlagService.DashboardCount, ct),
                AsTherapist: true, Before: RenameFirstFlaggedPatientAsync),
            new("today's sessions", (sp, ct) => sp.GetRequiredService<SessionService>().TodayForMeAsync(ct), AsTherapist: true),
            new("this week", (sp, ct) => sp.GetRequiredService<ProgrammeService>().ThisWeekForMeAsync(ct), AsTherapist: true),
            new("assessments due", (sp, ct) => sp.GetRequiredService<AssessmentPlanService>().DueThisWeekForMeAsync(ct), AsTherapist: true),
            .. SearchTerms.Select(term => new Operation(
                $"search '{term}'", (sp, ct) => sp.GetRequiredService<PatientService>().SearchAsync(new PatientQuery(term), ct))),
            new("progress review", async (sp, ct) =>
            {
                var timeline = await sp.GetRequiredService<ProgressTimelineService>().GetAsync(patientId, ct);
                await sp.GetRequiredService<ProgressService>().GetAsync(patientId, timeline.IsEmpty ? null : timeline, cancellationToken: ct);
            }),
            new("programme page", async (sp, ct) =>
            {
                await sp.GetRequiredService<ProgrammeService>().GetAsync(programmeId, ct);
                await sp.GetRequiredService<SessionService>().GetAdherenceAsync(programmeId, ct);
            }),
            new("audit log page", (sp, ct) => sp.GetRequiredService<AuditLogService>().SearchAsync(new AuditQuery(), ct)),
            new("batch selection", async (sp, ct) =>
            {
                await using var db = await sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(ct);
                await ReportBatchJob.PatientsInPeriod(db, new BatchRequest(options.Today.AddDays(-30), options.Today, null)).ToListAsync(ct);
            }),
            new("report PDF", async (sp, ct) =>
            {
                var model = await sp.GetRequiredService<ReportModelBuilder>().BuildAsync(
                    new ReportSubject(patientId, from, options.Today, "Continue the programme.", "Scale", new DateTimeOffset(options.Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)), ct)
                    ?? throw new InvalidOperationException("No report model.");
                sp.GetRequiredService<IProgressReportRenderer>().Render(model);
            }),
        ];

        Directory.CreateDirectory(options.PlansDirectory);
        await log.WriteLineAsync($"{"operation",-22} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}  queries");
        foreach (var operation in operations.Where(o => options.Only is null || o.Name.Contains(options.Only, StringComparison.OrdinalIgnoreCase)))
        {
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            sp.GetRequiredService<CurrentUser>().Principal = operation.AsTherapist
                ? CurrentUser.ForClinic(clinicId, Seeder.TherapistEmail(1), userId: therapistId).Principal
                : CurrentUser.ForClinic(clinicId, Seeder.AdminEmail, admin: true).Principal;
            var commands = new CommandRecorder();
            var before = operation.Before ?? ((_, _) => Task.CompletedTask);
            // Recorded on the second run: what a first run fills in (the kept dashboard flags) is then in place, as for every timed run.
            await before(sp, cancellationToken);
            await operation.Run(sp, cancellationToken);
            await before(sp, cancellationToken);
            using (DiagnosticListener.AllListeners.Subscribe(commands))
            {
                await operation.Run(sp, cancellationToken);
                commands.Recording = false;
            }
            for (var i = 0; i < 5; i++)
            {
                await before(sp, cancellationToken);
                await operation.Run(sp, cancellationToken);
            }
            var times = new double[options.Iterations];
            for (var i = 0; i < times.Length; i++)
            {
                await before(sp, cancellationToken);
                var watch = Stopwatch.StartNew();
                await operation.Run(sp, cancellationToken);
                times[i] = watch.Elapsed.TotalMilliseconds;
            }
            Array.Sort(times);
            await log.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{operation.Name,-22} {Percentile(times, 0.50),8:F1} {Percentile(times, 0.95),8:F1} {Percentile(times, 0.99),8:F1} {times[^1],8:F1}  {commands.Commands.Count}"));
            await WritePlansAsync(operation.Name, commands.Commands, cancellationToken);
        }
        return 0;
    }

    /// <summary>The flags as the first read of the day computes them: with nothing kept from an earlier read.</summary>
    private static DashboardFlagService FirstOfTheDay(IServiceProvider sp) => new(sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>(),
        sp.GetRequiredService<ClinicClock>(), sp.GetRequiredService<ICurrentUser>(), new FlagSnapshots());

    /// <summary>A save between two reads of the flags: the first flagged patient's family name gains or loses a suffix.</summary>
    private static async Task RenameFirstFlaggedPatientAsync(IServiceProvider sp, CancellationToken cancellationToken)
    {
        var first = (await sp.GetRequiredService<DashboardFlagService>().FlagsAsync(1, cancellationToken)).Rows[0];
        var patients = sp.GetRequiredService<PatientService>();
        var input = await patients.GetForEditAsync(first.PatientId, cancellationToken) ?? throw new InvalidOperationException("No flagged patient.");
        input.FamilyName = input.FamilyName.EndsWith("-2", StringComparison.Ordinal) ? input.FamilyName[..^2] : input.FamilyName + "-2";
        var saved = await patients.UpdateAsync(first.PatientId, input, cancellationToken);
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"The patient was not saved: {saved.Message}");
        }
    }

    private async Task<string> UserIdAsync(string email, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""SELECT "Id" FROM "AspNetUsers" WHERE "NormalizedEmail" = upper(@email)""", connection);
        command.Parameters.AddWithValue("email", email);
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"No user {email}: run the seed command first.");
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    /// <summary>The clinic, and its patient with the most session records (with that patient's programme).</summary>
    private async Task<(Guid Clinic, Guid Patient, Guid Programme, long Sessions)?> SubjectAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT c."Id", p."PatientId", p."Id", count(*)
            FROM "Clinics" c JOIN "Programme" p ON p."ClinicId" = c."Id" JOIN "SessionRecord" r ON r."ProgrammeId" = p."Id"
            WHERE c."Name" = @name
            GROUP BY c."Id", p."PatientId", p."Id"
            ORDER BY count(*) DESC, p."Id"
            LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("name", Seeder.ClinicName);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? (reader.GetGuid(0), reader.GetGuid(1), reader.GetGuid(2), reader.GetInt64(3))
            : null;
    }

    private async Task WritePlansAsync(string operation, IReadOnlyList<(string Sql, NpgsqlParameter[] Parameters)> commands, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var (sql, parameters) in commands.Where(c => c.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)))
        {
            text.AppendLine(sql).AppendLine(string.Join(", ", parameters.Select(p => $"{p.ParameterName} = {p.Value}"))).AppendLine();
            await using var explain = new NpgsqlCommand($"EXPLAIN (ANALYZE, BUFFERS) {sql}", connection);
            explain.Parameters.AddRange(parameters);
            await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                text.AppendLine(reader.GetString(0));
            }
            text.AppendLine().AppendLine(new string('-', 100)).AppendLine();
        }
        var file = string.Concat(operation.Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-').Replace("--", "-", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(options.PlansDirectory, $"{file}.txt"), text.ToString(), cancellationToken);
    }

    /// <summary>The SQL and parameters of every command EF Core sends while subscribed.</summary>
    private sealed class CommandRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
    {
        public List<(string Sql, NpgsqlParameter[] Parameters)> Commands { get; } = [];

        /// <summary>The listener stays subscribed for the process's life; only the first run is recorded.</summary>
        public bool Recording { get; set; } = true;

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                value.Subscribe(this);
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Recording && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData { Command: DbCommand command })
            {
                Commands.Add((command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
