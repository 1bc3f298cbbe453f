using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using RetroWalk.Clinical;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Clinics;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Features.Demo;

/// <summary>Development demo data: one clinic, its administrator, two therapists, a dozen patients and a cohort of ended programmes (<see cref="DemoCohort"/>). Idempotent.</summary>
public static class DemoData
{
    public const string ClinicName = "Riverside Rehabilitation Clinic";
    public const string AdminEmail = "admin@riverside.example";
    public const string AdminPassword = "Demo-Admin-2026";
    public const string TherapistEmail = "therapist@riverside.example";
    public const string TherapistPassword = "Demo-Therapist-2026";
    public const string SecondTherapistEmail = "therapist2@riverside.example";
    public const string SecondTherapistPassword = "Demo-Therapist2-2026";

    private static readonly (string Given, string Family, string Record, int BirthYear, Sex Sex, Condition Condition, AffectedSide Side, decimal Height, decimal Weight)[] Patients =
    [
        ("Łucja", "Wiśniewska-Nguyễn", "RW-1001", 1956, Sex.Female, Condition.ChronicStroke, AffectedSide.Left, 162, 64),
        ("Jürgen", "Größmann", "RW-1002", 1949, Sex.Male, Condition.ChronicStroke, AffectedSide.Right, 178, 83),
        ("Şükrü", "Çağlayan", "RW-1003", 1961, Sex.Male, Condition.SubacuteStroke, AffectedSide.Left, 171, 77),
        ("Αλέξανδρος", "Παπαδόπουλος", "RW-1004", 1958, Sex.Male, Condition.KneeOsteoarthritis, AffectedSide.Both, 175, 92),
        ("Nguyễn Thị Hồng", "Ánh", "RW-1005", 1967, Sex.Female, Condition.KneeOsteoarthritis, AffectedSide.Right, 154, 58),
        ("Siobhán", "Ó Briain", "RW-1006", 1995, Sex.Female, Condition.AclReconstruction, AffectedSide.Left, 168, 61),
        ("Margaret", "Thompson", "RW-1007", 1941, Sex.Female, Condition.OlderAdultFallRisk, AffectedSide.NotApplicable, 158, 60),
        ("Harold", "Okafor", "RW-1008", 1946, Sex.Male, Condition.ParkinsonsDisease, AffectedSide.NotApplicable, 180, 79),
        ("Inés", "Fernández", "RW-1009", 1952, Sex.Female, Condition.ChronicStroke, AffectedSide.Right, 160, 70),
        ("Rajesh", "Iyer", "RW-1010", 1955, Sex.Male, Condition.SubacuteStroke, AffectedSide.Right, 169, 74),
        ("Ewa", "Kowalczyk", "RW-1011", 1963, Sex.Female, Condition.KneeOsteoarthritis, AffectedSide.Left, 165, 81),
        ("Bjørn", "Håkonsen", "RW-1012", 1944, Sex.Male, Condition.OlderAdultFallRisk, AffectedSide.NotApplicable, 183, 88),
    ];

    /// <summary>The demo clinic's IANA time zone: <c>Demo:TimeZone</c>, else the clinics' default.</summary>
    private static string TimeZoneOf(IServiceProvider sp) =>
        ClinicTimeZones.TryFind(sp.GetRequiredService<IConfiguration>()["Demo:TimeZone"], out var zone) ? zone.Id : ClinicTimeZones.DefaultId;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await EnsureRolesAsync(sp.GetRequiredService<RoleManager<IdentityRole>>());

        var dbFactory = sp.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>();
        var users = sp.GetRequiredService<UserManager<ApplicationUser>>();

        // The demo clinic is the demo administrator's clinic (clinics are identified by id, never by name).
        var clinicId = (await users.FindByEmailAsync(AdminEmail))?.ClinicId ?? Guid.Empty;
        if (clinicId == Guid.Empty)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var clinic = new Clinic { Name = ClinicName, Address = "12 Riverside Walk, Bristol BS1 4RW, United Kingdom", TimeZone = TimeZoneOf(sp), ShowGaitSpeedInKmh = true };
            db.Clinics.Add(clinic);
            await db.SaveChangesAsync(cancellationToken);
            clinicId = clinic.Id;
        }

        await EnsureUserAsync(users, clinicId, AdminEmail, "Alex Morgan", AdminPassword, Roles.ClinicAdmin);
        var maria = await EnsureUserAsync(users, clinicId, TherapistEmail, "Maria Santos", TherapistPassword, Roles.Therapist);
        var tomasz = await EnsureUserAsync(users, clinicId, SecondTherapistEmail, "Tomasz Zieliński", SecondTherapistPassword, Roles.Therapist);

        // Clinical rows are written as the clinic's demo user so the clinic filter and the audit trail apply.
        sp.GetRequiredService<CurrentUser>().Principal = CurrentUser.ForClinic(clinicId, "Demo data").Principal;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var existing = await db.Patients.IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived])
                .Select(p => p.RecordNumber).ToListAsync(cancellationToken);
            foreach (var (p, index) in Patients.Select((p, i) => (p, i)).Where(x => !existing.Contains(x.p.Record)))
            {
                db.Patients.Add(new Patient
                {
                    ClinicId = clinicId,
                    GivenName = p.Given,
                    FamilyName = p.Family,
                    RecordNumber = p.Record,
                    DateOfBirth = new DateOnly(p.BirthYear, 1 + index % 12, 10 + index),
                    Sex = p.Sex,
                    PrimaryCondition = p.Condition,
                    AffectedSide = p.Side,
                    HeightCm = p.Height,
                    WeightKg = p.Weight,
                    RestingHeartRate = 72,
                    SearchText = Patient.SearchTextOf(p.Given, p.Family, p.Record),
                });
            }
            await db.SaveChangesAsync(cancellationToken);
        }
        await SeedProgrammesAsync(sp, dbFactory, maria.Id, tomasz.Id, cancellationToken);
        await DemoCohort.SeedAsync(sp, dbFactory, maria.Id, tomasz.Id, cancellationToken);

        Dictionary<string, Guid> patientIds;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            patientIds = await db.Patients.ToDictionaryAsync(p => p.RecordNumber, p => p.Id, cancellationToken);
        }
        var today = sp.GetRequiredService<ClinicClock>().Today;
        await DemoAssessments.SeedAsync(sp.GetRequiredService<AssessmentService>(), patientIds, today, cancellationToken);
    }

    /// <summary>
    /// Two template protocols and two running programmes, so the dashboard and patient pages have content:
    /// Łucja on the chronic-stroke protocol since the Monday two weeks ago (Maria), Αλέξανδρος on the knee-OA ramp since last Monday (Tomasz).
    /// The chronic-stroke protocol gains an interim assessment at week 3 (this week), due on Sunday.
    /// </summary>
    private static async Task SeedProgrammesAsync(
        IServiceProvider sp, IDbContextFactory<RetroWalkDbContext> dbFactory, string maria, string tomasz, CancellationToken cancellationToken)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            if (await db.Set<Protocol>().IgnoreQueryFilters([RetroWalkDbContext.QueryFilters.Archived]).AnyAsync(cancellationToken))
            {
                return;
            }
        }
        var protocols = sp.GetRequiredService<ProtocolService>();
        var programmes = sp.GetRequiredService<ProgrammeService>();
        var patients = sp.GetRequiredService<PatientService>();
        var clock = sp.GetRequiredService<ClinicClock>();
        var today = clock.Today;
        var monday = clock.StartOfWeek;
        var plans = new[]
        {
            (Template: ProtocolTemplates.ChronicStroke4WeeksKey, Record: "RW-1001", Therapist: maria, Start: monday.AddDays(-14)),
            (Template: ProtocolTemplates.KneeOsteoarthritisRampKey, Record: "RW-1004", Therapist: tomasz, Start: monday.AddDays(-7)),
        };
        foreach (var plan in plans)
        {
            var protocol = await protocols.CloneTemplateAsync(plan.Template, cancellationToken);
            if (plan.Template == ProtocolTemplates.ChronicStroke4WeeksKey)
            {
                protocol = await AddInterimAsync(protocols, protocol.Id, cancellationToken);
            }
            var patient = (await patients.SearchAsync(new PatientQuery(plan.Record), cancellationToken)).Items.Single();
            var assigned = await programmes.AssignAsync(new AssignInput
            {
                PatientId = patient.Id,
                ProtocolId = protocol.Id,
                StartDate = plan.Start,
                TherapistUserId = plan.Therapist,
            }, cancellationToken);
            if (!assigned.Succeeded)
            {
                throw new InvalidOperationException($"Demo programme for {plan.Record} not assigned: {assigned.Message}");
            }
            if (plan.Record == "RW-1001")
            {
                await SeedSessionsAsync(sp, assigned.Id, today, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Łucja's sessions so far: completed at the target effort, one missed, and the latest with a near-fall, so the
    /// demo shows adherence, a held progression and the adverse-event flag.
    /// </summary>
    private static async Task SeedSessionsAsync(IServiceProvider sp, Guid programmeId, DateOnly today, CancellationToken cancellationToken)
    {
        var sessions = sp.GetRequiredService<SessionService>();
        var past = (await sp.GetRequiredService<ProgrammeService>().GetScheduleAsync(programmeId, cancellationToken))
            .Where(s => s.Date < today).Select(s => s.Sequence).ToList();
        decimal[] rpes = [11, 12, 12, 13, 12, 12, 13, 12];
        foreach (var (sequence, index) in past.Select((s, i) => (s, i)))
        {
            var input = (await sessions.GetFormAsync(programmeId, sequence, cancellationToken: cancellationToken))!.Input;
            input.StartTime = new TimeOnly(9 + (index % 3), index % 2 == 0 ? 0 : 30);
            if (index == past.Count - 3)
            {
                input = new SessionInput { Sequence = sequence, Date = input.Date, Status = SessionStatus.Missed, Notes = "Phoned in: no transport this morning." };
            }
            else
            {
                input.RestingHeartRate = 70 + (index % 4);
                input.RestingSystolic = 126 + (index % 3 * 4);
                input.RestingDiastolic = 78;
                input.PainBefore = 1;
                input.Rpe = rpes[index % rpes.Length];
                input.PeakHeartRate = 104 + (index % 4 * 3);
                input.HeartRateAfter = 84;
                input.SystolicAfter = 142;
                input.DiastolicAfter = 82;
                input.PainAfter = 1;
                input.Handrail = HandrailSupport.LightTouch;
                if (index == past.Count - 1)
                {
                    var nearFall = input.AdverseEvents.Single(e => e.Type == AdverseEventType.NearFall);
                    nearFall.Occurred = true;
                    nearFall.Note = "Lost balance turning her head to look back at minute 18; steadied by the therapist.";
                    input.Handrail = HandrailSupport.Full;
                    input.Notes = "Continued with full handrail support after the near-fall. Review footwear.";
                }
            }
            var saved = await sessions.SaveAsync(programmeId, input, cancellationToken);
            if (!saved.Succeeded)
            {
                throw new InvalidOperationException($"Demo session {sequence} not saved: {saved.Message}");
            }
        }
    }

    /// <summary>The clinic's chronic-stroke protocol also checks balance and walking at week 3, so the dashboard lists an assessment due.</summary>
    private static async Task<SaveResult> AddInterimAsync(ProtocolService protocols, Guid protocolId, CancellationToken cancellationToken)
    {
        var input = await protocols.GetForEditAsync(protocolId, cancellationToken)
            ?? throw new InvalidOperationException("Demo protocol not found.");
        input.Outcomes.Insert(1, new OutcomeInput
        {
            Point = AssessmentPoint.Interim,
            Week = 3,
            MeasureCodes = new(["BBS", "TUG", "10MWT-C"], StringComparer.OrdinalIgnoreCase),
        });
        var saved = await protocols.UpdateAsync(protocolId, input, cancellationToken);
        return saved.Succeeded ? saved : throw new InvalidOperationException($"Demo protocol not updated: {saved.Message}");
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in new[] { Roles.ClinicAdmin, Roles.Therapist })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    public static async Task<ApplicationUser> EnsureUserAsync(
        UserManager<ApplicationUser> users, Guid clinicId, string email, string name, string password, string role)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, ClinicId = clinicId };
            var result = await users.CreateAsync(user, password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
            await users.AddToRoleAsync(user, role);
        }
        return user;
    }
}
