using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Demo;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Scale;

public sealed record AuditSampleOptions(int Patients, DateOnly Today, int Seed);

/// <summary>
/// An audit trail written the way a clinic writes it: N patients entered through the app's services (so the audit
/// interceptor writes every row), each with a programme of 8 weeks of 5 sessions, every session recorded (most
/// completed, some partial, missed or cancelled), a baseline and an end-of-programme assessment, the programme
/// completed. Then the bytes the trail takes on disk (heap, TOAST, each index) per audit row, by entity type and
/// action, against the bytes of the clinical rows it describes, and extrapolated to the seeded large clinic.
/// </summary>
internal sealed class AuditSample(IServiceProvider services, string connectionString, AuditSampleOptions options, TextWriter log)
{
    public const string ClinicName = "Audit Sample Clinic";
    private const int Therapists = 4;

    /// <summary>The rows of the seeded large clinic (README, "Scale: large clinics", the last seed) the trail is extrapolated to.</summary>
    private static readonly Dictionary<string, long> LastSeed = new()
    {
        [nameof(Patient)] = 100_000, [nameof(Programme)] = 100_000, [nameof(ScheduledSession)] = 3_546_688,
        [nameof(SessionRecord)] = 3_323_924, [nameof(Assessment)] = 278_728, [nameof(MeasureResult)] = 976_444,
    };

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        Guid clinicId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
            // The clinical tables are measured whole: they must hold the sample alone.
            if (await db.Patients.IgnoreQueryFilters().AnyAsync(cancellationToken))
            {
                await log.WriteLineAsync("The database already holds patients; sample into an empty, migrated database.");
                return 1;
            }
            var clinic = db.Clinics.Add(new Clinic { Name = ClinicName, Address = "2 Sample Street, Bristol BS1 1AB, United Kingdom" }).Entity;
            await db.SaveChangesAsync(cancellationToken);
            clinicId = clinic.Id;
        }
        var therapists = await StaffAsync(clinicId);
        var protocols = await ProtocolsAsync(clinicId, cancellationToken);

        var random = new Random(options.Seed);
        for (var i = 0; i < options.Patients; i++)
        {
            await using var scope = services.CreateAsyncScope();
            var (therapistId, therapistEmail) = therapists[i % therapists.Count];
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal =
                CurrentUser.ForClinic(clinicId, therapistEmail, userId: therapistId).Principal;
            await PatientAsync(scope.ServiceProvider, i, therapistId, protocols[i % protocols.Count], random, cancellationToken);
            if ((i + 1) % 50 == 0)
            {
                await log.WriteLineAsync($"{i + 1} patients entered");
            }
        }
        await MeasureAsync(clinicId, cancellationToken);
        return 0;
    }

    private async Task<List<(string Id, string Email)>> StaffAsync(Guid clinicId)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await DemoData.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        var staff = new List<(string, string)>();
        for (var i = 1; i <= Therapists; i++)
        {
            var email = $"therapist{i}@audit-sample.example";
            var user = await DemoData.EnsureUserAsync(users, clinicId, email, $"Sample Therapist {i}", Seeder.StaffPassword, Roles.Therapist);
            staff.Add((user.Id, email));
        }
        return staff;
    }

    /// <summary>The clinic's protocols: the templates, those counted in weeks made into 8 weeks of 5 sessions as the seed does.</summary>
    private async Task<List<AssignableProtocol>> ProtocolsAsync(Guid clinicId, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId, "Audit sample").Principal;
        return await Seeder.ProtocolsAsync(scope.ServiceProvider.GetRequiredService<ProtocolService>(), cancellationToken);
    }

    private async Task PatientAsync(IServiceProvider sp, int index, string therapistId, AssignableProtocol protocol, Random random, CancellationToken cancellationToken)
    {
        var today = options.Today;
        var start = today.AddDays(-random.Next(70, 400));
        var (given, family, sex) = SeedNames.Pick(random);
        var patient = await sp.GetRequiredService<PatientService>().CreateAsync(new PatientInput
        {
            GivenName = given,
            FamilyName = family,
            RecordNumber = $"AS-{100001 + index}",
            DateOfBirth = today.AddDays(-random.Next(35 * 365, 90 * 365)),
            Sex = sex,
            PrimaryCondition = protocol.Definition.Indication ?? Condition.OlderAdultFallRisk,
            AffectedSide = AffectedSide.NotApplicable,
            HeightCm = sex == Sex.Female ? random.Next(150, 178) : random.Next(162, 192),
            WeightKg = random.Next(52, 110),
            RestingHeartRate = random.Next(58, 86),
        }, cancellationToken);
        Check(patient, "patient");

        var programmes = sp.GetRequiredService<ProgrammeService>();
        var assigned = await programmes.AssignAsync(new AssignInput
        {
            PatientId = patient.Id, ProtocolId = protocol.ProtocolId, StartDate = start, TherapistUserId = therapistId,
        }, cancellationToken);
        Check(assigned, "programme");

        var assessments = sp.GetRequiredService<AssessmentService>();
        await AssessAsync(assessments, patient.Id, start.AddDays(-3), AssessmentTimePoint.Baseline, random, cancellationToken);

        var sessions = sp.GetRequiredService<SessionService>();
        var schedule = (await programmes.GetScheduleAsync(assigned.Id, cancellationToken)).Where(s => s.Date < today).ToList();
        foreach (var (planned, n) in schedule.Select((s, n) => (s, n)))
        {
            var input = (await sessions.GetFormAsync(assigned.Id, planned.Sequence, cancellationToken: cancellationToken))!.Input;
            var roll = random.NextDouble();
            if (roll < 0.08)
            {
                // Missed (5 %) or cancelled (3 %), as in the seeded clinic.
                input = new SessionInput
                {
                    Sequence = planned.Sequence, Date = input.Date,
                    Status = roll < 0.05 ? SessionStatus.Missed : SessionStatus.CancelledByPatient,
                    Notes = roll < 0.05 ? "Phoned in: no transport this morning." : null,
                };
            }
            else
            {
                input.Status = roll < 0.12 ? SessionStatus.Partial : SessionStatus.Completed;
                input.StartTime = new TimeOnly(8 + (n % 9), n % 2 == 0 ? 0 : 30);
                input.RestingHeartRate = random.Next(60, 85);
                input.RestingSystolic = random.Next(118, 145);
                input.RestingDiastolic = random.Next(70, 88);
                input.PainBefore = random.Next(0, 4);
                input.Rpe = random.Next(11, 15);
                input.PeakHeartRate = random.Next(95, 125);
                input.HeartRateAfter = random.Next(75, 95);
                input.SystolicAfter = random.Next(128, 155);
                input.DiastolicAfter = random.Next(74, 90);
                input.PainAfter = random.Next(0, 4);
                input.Handrail = random.Next(3) == 0 ? HandrailSupport.LightTouch : HandrailSupport.None;
                if (input.Status == SessionStatus.Partial)
                {
                    input.MainMinutes = Math.Max(1, (input.MainMinutes ?? 20) / 2);
                    input.Notes = "Stopped early: tired legs.";
                }
            }
            Check(await sessions.SaveAsync(assigned.Id, input, cancellationToken), $"session {planned.Sequence}");
        }

        await AssessAsync(assessments, patient.Id, schedule[^1].Date.AddDays(1), AssessmentTimePoint.EndOfProgramme, random, cancellationToken);
        var details = await programmes.GetAsync(assigned.Id, cancellationToken) ?? throw new InvalidOperationException("Programme not found.");
        if (details.Status == ProgrammeStatus.Active)
        {
            Check(await programmes.CompleteAsync(assigned.Id, details.Version, cancellationToken), "programme completion");
        }
    }

    private static async Task AssessAsync(AssessmentService assessments, Guid patientId, DateOnly date, AssessmentTimePoint timePoint, Random random,
        CancellationToken cancellationToken)
    {
        List<MeasureResultInput> results =
        [
            new() { MeasureCode = MeasureCodes.TenMetreWalkComfortable, DistanceMetres = 10, TimeSeconds = 8 + random.Next(0, 120) / 10m },
            new() { MeasureCode = MeasureCodes.TimedUpAndGo, TimeSeconds = 9 + random.Next(0, 100) / 10m, AssistiveDevice = random.Next(3) == 0 ? "stick" : null },
            new() { MeasureCode = MeasureCodes.ThreeMetreBackwardWalk, TimeSeconds = 4 + random.Next(0, 80) / 10m },
        ];
        if (random.Next(2) == 0)
        {
            var berg = MeasureCatalogue.BergBalanceScale;
            results.Add(new MeasureResultInput
            {
                MeasureCode = berg.Code,
                Items = berg.Items.ToDictionary(i => i.Number, _ => (string?)random.Next(2, 5).ToString(CultureInfo.InvariantCulture)),
            });
        }
        Check(await assessments.CreateAsync(patientId, new AssessmentInput
        {
            Date = date, TimePoint = timePoint, AssessorName = "Sample Therapist", Results = results,
        }, cancellationToken), $"{timePoint} assessment");
    }

    private static void Check(SaveResult saved, string what)
    {
        if (!saved.Succeeded)
        {
            throw new InvalidOperationException($"The {what} was not saved: {saved.Message} "
                + string.Join(" ", saved.Errors?.SelectMany(e => e.Value) ?? []));
        }
    }

    private sealed record Group(string EntityType, string Action, long Rows, double RowBytes, double ChangesBytes);

    /// <summary>
    /// Bytes on disk per audit row. The table's heap, TOAST and indexes are shared out over the rows: the heap by each
    /// row's stored size (pg_column_size of the row, plus its 4-byte line pointer), the indexes evenly (their keys have
    /// a fixed size). The clinical rows a group describes are measured the same way (their table's total size per row).
    /// </summary>
    private async Task MeasureAsync(Guid clinicId, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await ExecuteAsync(connection, """VACUUM (ANALYZE) "AuditEntries" """, cancellationToken);

        var table = await ScalarsAsync(connection, """
            SELECT sum(pg_relation_size(c.oid))::bigint, sum(coalesce(pg_total_relation_size(nullif(c.reltoastrelid, 0)), 0))::bigint,
                   sum(pg_indexes_size(c.oid))::bigint, (SELECT count(*) FROM "AuditEntries"),
                   (SELECT sum(pg_column_size(a.*) + 4) FROM "AuditEntries" a)
            FROM pg_partition_tree('"AuditEntries"') AS p JOIN pg_class c ON c.oid = p.relid WHERE p.isleaf
            """, cancellationToken);
        var (heap, toast, indexes, rows, tuples) = (table[0], table[1], table[2], table[3], table[4]);
        await log.WriteLineAsync();
        await log.WriteLineAsync($"AuditEntries: {rows:N0} rows; heap {heap:N0} B, TOAST {toast:N0} B, indexes {indexes:N0} B: {(double)(heap + toast + indexes) / rows:N0} B per row "
            + $"(heap {(double)heap / rows:N0}, TOAST {(double)toast / rows:N0}, indexes {(double)indexes / rows:N0})");
        await using (var command = new NpgsqlCommand("""
            SELECT c.relname, (SELECT sum(pg_relation_size(t.relid))::bigint FROM pg_partition_tree(c.oid) AS t)
            FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = '"AuditEntries"'::regclass ORDER BY c.relname
            """, connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                await log.WriteLineAsync($"  {reader.GetString(0),-40} {reader.GetInt64(1),14:N0} B  {(double)reader.GetInt64(1) / rows,6:N1} B per row");
            }
        }

        var groups = new List<Group>();
        await using (var command = new NpgsqlCommand("""
            SELECT "EntityType", "Action"::text, count(*), avg(pg_column_size(a.*) + 4), avg(pg_column_size("Changes"))
            FROM "AuditEntries" a WHERE "ClinicId" = @clinic GROUP BY 1, 2 ORDER BY 1, 2
            """, connection))
        {
            command.Parameters.AddWithValue("clinic", clinicId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                groups.Add(new Group(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), (double)reader.GetDecimal(3), (double)reader.GetDecimal(4)));
            }
        }

        // Heap and TOAST shared by stored size, indexes evenly.
        var heapPerTupleByte = (double)(heap + toast) / tuples;
        var indexPerRow = (double)indexes / rows;
        double PerRow(Group g) => g.RowBytes * heapPerTupleByte + indexPerRow;

        var clinical = await ClinicalRowsAsync(connection, groups.Select(g => g.EntityType).Distinct(), cancellationToken);
        var target = LastSeed;
        await log.WriteLineAsync();
        await log.WriteLineAsync($"{"Entity",-18} {"Action",-9} {"Audit rows",10} {"Changes B",9} {"Row B",6} {"On disk B",9} {"Per clinical row",16} {"Clinical row B",14}");
        foreach (var g in groups)
        {
            var (count, bytes) = clinical.GetValueOrDefault(g.EntityType);
            await log.WriteLineAsync($"{g.EntityType,-18} {g.Action,-9} {g.Rows,10:N0} {g.ChangesBytes,9:N0} {g.RowBytes,6:N0} {PerRow(g),9:N0} "
                + $"{(count > 0 ? (double)g.Rows / count : 0),16:N2} {(count > 0 ? (double)bytes / count : 0),14:N0}");
        }

        double auditBytes = 0, auditRows = 0, clinicalBytes = 0;
        foreach (var g in groups)
        {
            var (count, _) = clinical.GetValueOrDefault(g.EntityType);
            var scale = target.TryGetValue(g.EntityType, out var n) && count > 0 ? (double)n / count : 1;
            auditRows += g.Rows * scale;
            auditBytes += g.Rows * scale * PerRow(g);
        }
        foreach (var (type, n) in target)
        {
            var (count, bytes) = clinical.GetValueOrDefault(type);
            clinicalBytes += count > 0 ? (double)bytes / count * n : 0;
        }
        await log.WriteLineAsync();
        await log.WriteLineAsync($"At the seeded clinic's size ({string.Join(", ", target.Select(t => $"{t.Key} {t.Value:N0}"))}):");
        await log.WriteLineAsync($"  audit trail {auditRows:N0} rows, {auditBytes / 1e9:N2} GB; the clinical rows it describes {clinicalBytes / 1e9:N2} GB "
            + $"(at this sample's bytes per row); the trail would be {auditBytes / (auditBytes + clinicalBytes):P0} of the two.");

        // Older months leave the database for archive-audit's files: the same CSV and compression, measured here.
        var archived = await ArchiveBytesAsync(connection, cancellationToken);
        var live = auditBytes * KeptMonths / SeededMonths;
        await log.WriteLineAsync($"  archived (archive-audit's gzip CSV): {(double)archived / rows:N0} B per row, {auditRows * archived / rows / 1e9:N2} GB for the whole trail;");
        await log.WriteLineAsync($"  keeping the last {KeptMonths} of the seeded clinic's {SeededMonths} months live: {live / 1e9:N2} GB, "
            + $"{live / (live + clinicalBytes):P0} of the live database (clinical rows {clinicalBytes / 1e9:N2} GB).");
    }

    /// <summary>The months the seeded clinic's programmes span (its five years), and the months kept live in the example.</summary>
    private const double SeededMonths = 60, KeptMonths = 12;

    /// <summary>The whole trail written as <c>archive-audit</c> writes a month: PostgreSQL's CSV with a header, gzip at its smallest.</summary>
    private static async Task<long> ArchiveBytesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var counted = new CountingStream();
        await using (var zip = new System.IO.Compression.GZipStream(counted, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
        await using (var text = new StreamWriter(zip))
        {
            using var export = await connection.BeginTextExportAsync("""COPY (SELECT * FROM "AuditEntries" ORDER BY "ClinicId", "ChainSequence", "At") TO STDOUT (FORMAT csv, HEADER)""", cancellationToken);
            var buffer = new char[81920];
            int read;
            while ((read = await export.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await text.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
        }
        return counted.Length;
    }

    /// <summary>A stream that only counts what is written to it.</summary>
    private sealed class CountingStream : Stream
    {
        private long length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => length;
        public override long Position { get => length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => length += buffer.Length;
    }

    /// <summary>Rows and total bytes (heap, TOAST, indexes) of each audited entity's table.</summary>
    private async Task<Dictionary<string, (long Rows, long Bytes)>> ClinicalRowsAsync(NpgsqlConnection connection, IEnumerable<string> entityTypes,
        CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Model;
        var result = new Dictionary<string, (long, long)>();
        foreach (var type in entityTypes)
        {
            var table = model.GetEntityTypes().FirstOrDefault(e => e.ClrType.Name == type && !e.IsOwned())?.GetTableName();
            if (table is null)
            {
                continue;
            }
            var values = await ScalarsAsync(connection, $"""SELECT count(*), pg_total_relation_size('"{table}"') FROM "{table}" """, cancellationToken);
            result[type] = (values[0], values[1]);
        }
        return result;
    }

    private static async Task<long[]> ScalarsAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return [.. Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture))];
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
