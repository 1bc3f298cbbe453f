using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Scheduling;
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

public sealed record SeedOptions(int Patients, DateOnly Today, int Seed, int Therapists);

/// <summary>
/// One clinic of N patients, each with one programme: about 4 % running (a few still planned), the rest completed or
/// discontinued over the five years before <see cref="SeedOptions.Today"/>. The clinic, its staff and its protocols
/// are made through the app's own services; the bulk (patients, programmes, scheduled sessions, session records,
/// assessments and their results) is copied in with binary COPY, built with the app's scheduling, prescription and
/// measure-scoring rules. Bulk rows bypass the app's save path, so they have no audit trail entries.
/// </summary>
internal sealed class Seeder(IServiceProvider services, string connectionString, SeedOptions options, TextWriter log)
{
    public const string ClinicName = "Scale Test Clinic";
    public const string AdminEmail = "admin@scale.example";
    public const string StaffPassword = "Scale-Therapist-2026";

    public static string TherapistEmail(int number) => $"therapist{number}@scale.example";

    private sealed record Staff(string Id, string UserName, string DisplayName);

    private sealed record Plan(
        int Index, Guid PatientId, Guid ProgrammeId, Condition Condition, Sex Sex, DateOnly DateOfBirth, decimal Height, decimal Weight,
        AssignableProtocol Protocol, IReadOnlyList<PlannedSession> Schedule, DateOnly Start, ProgrammeStatus Status, DateOnly? EndedOn, Staff Therapist);

    private Guid clinicId;
    private readonly List<Staff> staff = [];
    private List<AssignableProtocol> protocols = [];

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var total = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>();
            if (await db.Clinics.AnyAsync(c => c.Name == ClinicName, cancellationToken))
            {
                await log.WriteLineAsync($"The database already holds \"{ClinicName}\"; seed an empty, migrated database.");
                return 1;
            }
        }
        await CreateClinicAsync(cancellationToken);
        var plans = MakePlans();
        await log.WriteLineAsync($"Clinic, {staff.Count} therapists and {protocols.Count} protocols made; {plans.Count:N0} patients planned ({plans.Count(p => p.Status.IsOngoing()):N0} programmes running).");

        // No command timeout: completing a COPY of millions of rows waits for the server to write their indexes.
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using (var fast = new NpgsqlCommand("SET synchronous_commit TO off", connection))
        {
            await fast.ExecuteNonQueryAsync(cancellationToken);
        }
        await using (var scope = services.CreateAsyncScope())
        {
            var model = scope.ServiceProvider.GetRequiredService<RetroWalkDbContext>().Model;
            await CopyAsync(connection, new BinaryCopy<Patient>(model), plans.Select(PatientOf), cancellationToken);
            await CopyAsync(connection, new BinaryCopy<Programme>(model), plans.Select(ProgrammeOf), cancellationToken);
            await CopyAsync(connection, new BinaryCopy<ScheduledSession>(model), plans.SelectMany(p => SessionsOf(p).Select(s => s.Planned)), cancellationToken);
            await CopyAsync(connection, new BinaryCopy<SessionRecord>(model), plans.SelectMany(p => SessionsOf(p).Select(s => s.Record).OfType<SessionRecord>()), cancellationToken);
            await CopyAsync(connection, new BinaryCopy<Assessment>(model), plans.SelectMany(p => AssessmentsOf(p).Select(a => a.Assessment)), cancellationToken);
            await CopyAsync(connection, new BinaryCopy<MeasureResult>(model), plans.SelectMany(p => AssessmentsOf(p).SelectMany(a => a.Results)), cancellationToken);
        }
        var analyse = Stopwatch.StartNew();
        await using (var command = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await log.WriteLineAsync($"ANALYZE in {analyse.Elapsed.TotalSeconds:N1} s. Seeded in {total.Elapsed.TotalSeconds:N0} s.");
        return 0;
    }

    private async Task CopyAsync<T>(NpgsqlConnection connection, BinaryCopy<T> copy, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        var count = await copy.WriteAsync(connection, rows, cancellationToken);
        await log.WriteLineAsync($"{typeof(T).Name,-18} {count,12:N0} rows in {watch.Elapsed.TotalSeconds,6:N1} s");
    }

    /// <summary>The clinic, its administrator and therapists, and its protocols: the built-in templates, those counted in weeks made into 8 weeks of 5 sessions.</summary>
    private async Task CreateClinicAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await DemoData.EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());
        var db = sp.GetRequiredService<RetroWalkDbContext>();
        var clinic = db.Clinics.Add(new Clinic { Name = ClinicName, Address = "1 Scale Street, Bristol BS1 1AA, United Kingdom" }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        clinicId = clinic.Id;

        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();
        await AddUserAsync(users, AdminEmail, "Alex Morgan", Roles.ClinicAdmin);
        var random = new Random(options.Seed);
        for (var i = 1; i <= options.Therapists; i++)
        {
            var (given, family, _) = SeedNames.Pick(random);
            staff.Add(await AddUserAsync(users, TherapistEmail(i), $"{given} {family}", Roles.Therapist));
        }

        sp.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId, "Scale seed").Principal;
        protocols = await ProtocolsAsync(sp.GetRequiredService<ProtocolService>(), cancellationToken);
    }

    /// <summary>The built-in templates cloned into the signed-in user's clinic, those counted in weeks made into 8 weeks of 5 sessions.</summary>
    internal static async Task<List<AssignableProtocol>> ProtocolsAsync(ProtocolService service, CancellationToken cancellationToken)
    {
        foreach (var template in ProtocolTemplates.All)
        {
            var cloned = await service.CloneTemplateAsync(template.Key, cancellationToken);
            var input = await service.GetForEditAsync(cloned.Id, cancellationToken) ?? throw new InvalidOperationException($"Protocol {template.Key} not cloned.");
            if (input.CourseMode != CourseMode.Weeks)
            {
                continue; // a fixed course (acute stroke, 8 sessions) keeps its length
            }
            (input.SessionsPerWeek, input.Weeks) = (5, 8);
            var updated = await service.UpdateAsync(cloned.Id, input, cancellationToken);
            if (!updated.Succeeded)
            {
                throw new InvalidOperationException($"Protocol {template.Name} not lengthened to 8 weeks: {updated.Message}");
            }
        }
        return [.. await service.ListAssignableAsync(cancellationToken)];
    }

    private async Task<Staff> AddUserAsync(UserManager<ApplicationUser> users, string email, string name, string role)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ClinicId = clinicId, IsActive = true };
        var created = await users.CreateAsync(user, StaffPassword);
        if (!created.Succeeded || !(await users.AddToRoleAsync(user, role)).Succeeded)
        {
            throw new InvalidOperationException($"{email} not created: {string.Join(" ", created.Errors.Select(e => e.Description))}");
        }
        return new Staff(user.Id, email, name);
    }

    private static readonly (Condition Condition, double Share)[] Conditions =
    [
        (Condition.ChronicStroke, 0.30), (Condition.SubacuteStroke, 0.10), (Condition.KneeOsteoarthritis, 0.25),
        (Condition.AclReconstruction, 0.10), (Condition.ParkinsonsDisease, 0.10), (Condition.OlderAdultFallRisk, 0.15),
    ];

    private Random RandomFor(int index, int stream) => new(unchecked((options.Seed * 7919) + (index * 31) + stream));

    private List<Plan> MakePlans()
    {
        var today = options.Today;
        var plans = new List<Plan>(options.Patients);
        for (var i = 0; i < options.Patients; i++)
        {
            var random = RandomFor(i, 0);
            var roll = random.NextDouble();
            var condition = Conditions[^1].Condition;
            foreach (var (c, share) in Conditions)
            {
                if ((roll -= share) < 0)
                {
                    condition = c;
                    break;
                }
            }
            var sex = random.Next(2) == 0 ? Sex.Female : Sex.Male;
            var dob = today.AddDays(-random.Next(35 * 365, 90 * 365));
            var matching = protocols.Where(p => p.Definition.Indication == condition).ToList();
            var protocol = matching.Count > 0 ? matching[random.Next(matching.Count)] : protocols[random.Next(protocols.Count)];

            // About 4 % running (a tenth of them starting next week), the rest ended during the last five years.
            var ongoing = random.NextDouble() < 0.04;
            var start = ongoing
                ? random.NextDouble() < 0.1 ? today.AddDays(random.Next(1, 8)) : today.AddDays(-random.Next(1, 50))
                : today.AddDays(-random.Next(70, 5 * 365));
            var schedule = Schedules.Assign(protocol.Definition, start);
            if (!schedule.Succeeded)
            {
                throw new InvalidOperationException($"No schedule for {protocol.Name} from {start}: {schedule.Errors[0].Message}");
            }
            var status = ongoing ? start > today ? ProgrammeStatus.Planned : ProgrammeStatus.Active
                : random.NextDouble() < 0.12 ? ProgrammeStatus.Discontinued : ProgrammeStatus.Completed;
            DateOnly? ended = status switch
            {
                ProgrammeStatus.Completed => schedule.Sessions[^1].Date,
                ProgrammeStatus.Discontinued => schedule.Sessions[random.Next(schedule.Sessions.Count / 3, schedule.Sessions.Count - 1)].Date,
                _ => null,
            };
            var created = start.AddDays(-7);
            plans.Add(new Plan(i, SeedIds.At(At(created, 9), random), SeedIds.At(At(created, 9), random), condition, sex, dob,
                sex == Sex.Female ? random.Next(150, 178) : random.Next(162, 192), random.Next(52, 110),
                protocol, schedule.Sessions, start, status, ended, staff[i % staff.Count]));
        }
        // In time order, as a clinic would have written them: the time-ordered keys then append to their indexes.
        return [.. plans.OrderBy(p => p.Start).ThenBy(p => p.Index)];
    }

    private static DateTimeOffset At(DateOnly date, int hour) => new(date.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private T Stamped<T>(T record, DateOnly date, int hour, string by, Random random)
        where T : ClinicalRecord
    {
        record.ClinicId = clinicId;
        record.Id = SeedIds.At(At(date, hour), random);
        record.Version = SeedIds.Random(random);
        record.CreatedAt = record.UpdatedAt = At(date, hour);
        record.CreatedBy = record.UpdatedBy = by;
        return record;
    }

    private Patient PatientOf(Plan plan)
    {
        var random = RandomFor(plan.Index, 1);
        var (given, family) = NameOf(plan, random);
        var record = $"RW-{100001 + plan.Index}";
        var patient = Stamped(new Patient
        {
            GivenName = given,
            FamilyName = family,
            DateOfBirth = plan.DateOfBirth,
            Sex = plan.Sex,
            RecordNumber = record,
            PrimaryCondition = plan.Condition,
            AffectedSide = plan.Condition switch
            {
                Condition.ChronicStroke or Condition.SubacuteStroke => random.Next(2) == 0 ? AffectedSide.Left : AffectedSide.Right,
                Condition.KneeOsteoarthritis => AffectedSide.Both,
                Condition.AclReconstruction => random.Next(2) == 0 ? AffectedSide.Left : AffectedSide.Right,
                _ => AffectedSide.NotApplicable,
            },
            HeightCm = plan.Height,
            WeightKg = plan.Weight,
            RestingHeartRate = random.Next(58, 86),
            SearchText = Patient.SearchTextOf(given, family, record),
        }, plan.Start.AddDays(-7), 9, plan.Therapist.UserName, random);
        patient.Id = plan.PatientId;
        return patient;
    }

    private static (string Given, string Family) NameOf(Plan plan, Random random)
    {
        string given, family;
        Sex sex;
        do
        {
            (given, family, sex) = SeedNames.Pick(random);
        }
        while (sex != plan.Sex);
        return (given, family);
    }

    private Programme ProgrammeOf(Plan plan)
    {
        var random = RandomFor(plan.Index, 2);
        var programme = Stamped(new Programme
        {
            PatientId = plan.PatientId,
            ProtocolId = plan.Protocol.ProtocolId,
            ProtocolVersionId = plan.Protocol.VersionId,
            ProtocolName = plan.Protocol.Name,
            ProtocolVersionNumber = plan.Protocol.VersionNumber,
            TherapistUserId = plan.Therapist.Id,
            TherapistName = plan.Therapist.DisplayName,
            StartDate = plan.Start,
            TrainingDays = ProgrammeStatuses.ToWeekdays(plan.Schedule.Select(s => s.Date.DayOfWeek).Distinct()),
            Status = plan.Status,
            EndedOn = plan.EndedOn,
            DiscontinuedReason = plan.Status == ProgrammeStatus.Discontinued ? "Moved to another clinic" : null,
        }, plan.Start.AddDays(-7), 10, plan.Therapist.UserName, random);
        programme.Id = plan.ProgrammeId;
        if (plan.EndedOn is { } ended)
        {
            programme.UpdatedAt = At(ended, 16);
        }
        return programme;
    }

    /// <summary>The programme's scheduled sessions with their prescriptions, and a record for each session held before today.</summary>
    private List<(ScheduledSession Planned, SessionRecord? Record)> SessionsOf(Plan plan)
    {
        var random = RandomFor(plan.Index, 3);
        var by = plan.Therapist.UserName;
        var rows = new List<(ScheduledSession, SessionRecord?)>(plan.Schedule.Count);
        var programme = new Programme { Id = plan.ProgrammeId, ClinicId = clinicId };
        foreach (var (session, dose) in Prescriptions.ForSchedule(plan.Protocol.Definition, plan.Schedule))
        {
            var cancelled = plan.EndedOn is { } end && ProgrammeStatuses.CancelledOnEnd(ScheduledSessionStatus.Planned, session.Date, end);
            var planned = Stamped(ProgrammeService.NewSession(programme, session, dose), plan.Start.AddDays(-7), 10, by, random);
            planned.Status = cancelled ? ScheduledSessionStatus.Cancelled : ScheduledSessionStatus.Planned;
            var held = !cancelled && session.Date < options.Today;
            rows.Add((planned, held ? RecordOf(plan, planned, random) : null));
        }
        return rows;
    }

    private SessionRecord RecordOf(Plan plan, ScheduledSession planned, Random random)
    {
        var roll = random.NextDouble();
        var status = roll < 0.88 ? SessionStatus.Completed : roll < 0.92 ? SessionStatus.Partial : roll < 0.97 ? SessionStatus.Missed
            : roll < 0.99 ? SessionStatus.CancelledByPatient : SessionStatus.CancelledByClinic;
        var record = Stamped(new SessionRecord
        {
            ProgrammeId = plan.ProgrammeId,
            Sequence = planned.Sequence,
            Date = planned.Date,
            Status = status,
            InclineUnit = planned.InclineUnit,
            IdempotencyKey = SeedIds.Random(random),
        }, planned.Date, 11, plan.Therapist.UserName, random);
        if (status is SessionStatus.Completed or SessionStatus.Partial)
        {
            var main = status == SessionStatus.Partial ? decimal.Round(planned.MainMinutes * 0.6m, 1) : planned.MainMinutes;
            record.StartTime = new TimeOnly(8 + random.Next(9), random.Next(4) * 15);
            record.RestingHeartRate = random.Next(60, 86);
            record.RestingSystolic = random.Next(112, 150);
            record.RestingDiastolic = random.Next(68, 92);
            record.PainBefore = random.Next(0, 4);
            record.PlannedSpeedKmh = planned.SpeedKmh;
            record.PlannedMainMinutes = planned.MainMinutes;
            record.WarmUpMinutes = planned.WarmUpMinutes;
            record.MainMinutes = main;
            record.CoolDownMinutes = planned.CoolDownMinutes;
            record.StartSpeedKmh = planned.SpeedKmh;
            record.EndSpeedKmh = planned.SpeedKmh;
            record.Incline = planned.Incline;
            record.Handrail = (HandrailSupport)random.Next(3);
            record.Harness = false;
            record.Rpe = random.Next(10, 15);
            record.PeakHeartRate = random.Next(95, 130);
            record.HeartRateAfter = random.Next(75, 95);
            record.SystolicAfter = random.Next(120, 160);
            record.DiastolicAfter = random.Next(70, 95);
            record.PainAfter = random.Next(0, 4);
        }
        return record;
    }

    /// <summary>Baseline, an interim for most, end of programme once ended, and a follow-up three months later for some.</summary>
    private List<(Assessment Assessment, List<MeasureResult> Results)> AssessmentsOf(Plan plan)
    {
        var random = RandomFor(plan.Index, 4);
        var points = new List<(DateOnly Date, AssessmentTimePoint Point, decimal Gain)> { (plan.Start.AddDays(-3), AssessmentTimePoint.Baseline, 0m) };
        if (random.NextDouble() < 0.6)
        {
            points.Add((plan.Start.AddDays(28), AssessmentTimePoint.Interim, 0.5m));
        }
        if (plan.EndedOn is { } ended)
        {
            points.Add((ended.AddDays(2), AssessmentTimePoint.EndOfProgramme, 1m));
            if (random.NextDouble() < 0.4)
            {
                points.Add((ended.AddDays(90), AssessmentTimePoint.FollowUp, 0.8m));
            }
        }
        var facts = new PatientFacts(plan.DateOfBirth, plan.Sex, plan.Height, plan.Weight, plan.Condition);
        var walk = 8m + (random.Next(0, 160) / 10m);
        var improvement = random.Next(5, 25) / 100m;
        var balance = random.Next(28, 48);
        var distance = random.Next(180, 480);
        var backward = random.NextDouble() < 0.5;
        var rows = new List<(Assessment, List<MeasureResult>)>();
        foreach (var (date, point, gain) in points.Where(p => p.Date <= options.Today && (plan.EndedOn is not { } e || p.Point != AssessmentTimePoint.Interim || p.Date <= e)))
        {
            var assessment = Stamped(new Assessment { PatientId = plan.PatientId, Date = date, TimePoint = point, AssessorName = plan.Therapist.DisplayName },
                date, 12, plan.Therapist.UserName, random);
            var factor = 1m - (improvement * gain);
            var balanceNow = Math.Min(56, balance + (int)(8 * gain));
            var inputs = new List<MeasureResultInput>
            {
                new() { MeasureCode = MeasureCodes.TenMetreWalkComfortable, DistanceMetres = 10, TimeSeconds = decimal.Round(walk * factor, 1) },
                new() { MeasureCode = MeasureCodes.TimedUpAndGo, TimeSeconds = decimal.Round(walk * 1.1m * factor, 1) },
                plan.Condition is Condition.KneeOsteoarthritis or Condition.AclReconstruction
                    ? new() { MeasureCode = MeasureCodes.SixMinuteWalk, DistanceMetres = decimal.Round(distance / factor) }
                    : DemoAssessments.Items(MeasureCatalogue.BergBalanceScale, balanceNow),
            };
            if (backward)
            {
                inputs.Add(new() { MeasureCode = MeasureCodes.ThreeMetreBackwardWalk, TimeSeconds = decimal.Round(walk * 0.6m * factor, 1) });
            }
            var results = new List<MeasureResult>(inputs.Count);
            foreach (var input in inputs)
            {
                var errors = new FieldErrors();
                var evaluation = ResultRules.Evaluate(input, "Result", errors, facts, date);
                if (evaluation is null || !errors.IsValid)
                {
                    throw new InvalidOperationException($"Seeded {input.MeasureCode} result is not valid: {string.Join(" ", errors.SelectMany(e => e.Value))}");
                }
                var result = Stamped(new MeasureResult { AssessmentId = assessment.Id }, date, 12, plan.Therapist.UserName, random);
                AssessmentService.Apply(input, evaluation, result);
                results.Add(result);
            }
            rows.Add((assessment, results));
        }
        return rows;
    }
}
