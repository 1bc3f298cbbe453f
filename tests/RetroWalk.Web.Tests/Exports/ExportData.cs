using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Audit;
using RetroWalk.Clinical.Sessions;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Sessions;
using RetroWalk.Web.Tests.Infrastructure;
using RetroWalk.Web.Tests.Integration;

namespace RetroWalk.Web.Tests.Exports;

/// <summary>A patient whose record has everything the exports map: a programme, a recorded session with an adverse event, two assessments.</summary>
public sealed record SeededPatient(Guid PatientId, Guid ProgrammeId, Guid SessionId, DateOnly SessionDate, DateOnly BaselineDate, DateOnly EndDate);

public static class ExportData
{
    public const string SessionNote = "Wife Thị Hoa drove her in from Kraków";

    /// <summary>A clinic with one patient whose record has everything, and its administrator signed in over HTTP.</summary>
    public static async Task<(TestClinic Clinic, SeededPatient Patient, HttpClient Client)> SignedInClinicAsync(RetroWalkApp app, string record, string given, string family)
    {
        var clinic = await app.CreateClinicAsync();
        SeededPatient seeded;
        await using (var scope = app.ScopeFor(clinic))
        {
            seeded = await PatientWithRecordAsync(scope.ServiceProvider, record, given, family);
        }
        return (clinic, seeded, await SignedInAsync(app, clinic));
    }

    /// <summary>Clinic-wide exports are for the clinic's administrators; <paramref name="therapist"/> signs in a therapist instead.</summary>
    public static async Task<HttpClient> SignedInAsync(RetroWalkApp app, TestClinic clinic, bool therapist = false)
    {
        var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, therapist ? clinic.TherapistEmail : clinic.AdminEmail, clinic.Password);
        return client;
    }

    /// <summary>The clinic's access events of one kind, read as the administrator's log would.</summary>
    public static async Task<List<AccessEvent>> AccessEventsAsync(RetroWalkApp app, Guid clinicId, AccessKind kind)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<RetroWalkDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.Set<AccessEvent>().Where(e => e.ClinicId == clinicId && e.Kind == kind).ToListAsync(TestContext.Current.CancellationToken);
    }

    public static async Task<SeededPatient> PatientWithRecordAsync(IServiceProvider services, string record, string given, string family)
    {
        var token = TestContext.Current.CancellationToken;
        var patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(services, record, given, family);
        var programmeId = (await services.GetRequiredService<ProgrammeService>().ListForPatientAsync(patientId, token)).Single().Id;
        var sessions = services.GetRequiredService<SessionService>();
        var input = (await sessions.GetFormAsync(programmeId, 1, cancellationToken: token))!.Input;
        input.Status = SessionStatus.Completed;
        input.RestingHeartRate = 72;
        input.RestingSystolic = 130;
        input.RestingDiastolic = 80;
        input.PainBefore = 1;
        input.MainMinutes = 28;
        input.Rpe = 12;
        input.PeakHeartRate = 110;
        input.HeartRateAfter = 90;
        input.SystolicAfter = 150;
        input.DiastolicAfter = 85;
        input.PainAfter = 2;
        input.Notes = SessionNote;
        foreach (var adverse in input.AdverseEvents.Where(e => e.Type == AdverseEventType.NearFall))
        {
            adverse.Occurred = true;
            adverse.Note = "Caught the handrail near the Nguyễn family's chair";
        }
        var saved = await sessions.SaveAsync(programmeId, input, token);
        Assert.True(saved.Succeeded, saved.Message ?? string.Join("; ", saved.Errors?.Values.SelectMany(v => v) ?? []));

        var baseline = TestClock.Today.AddDays(-20);
        var end = TestClock.Today.AddDays(-1);
        var assessments = services.GetRequiredService<AssessmentService>();
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(baseline, AssessmentTimePoint.Baseline,
            AssessmentData.BergTotalling(38), AssessmentData.TenMetre(10, 22.2m), AssessmentData.SixMinute(210)), token);
        await assessments.CreateAsync(patientId, AssessmentData.Assessment(end, AssessmentTimePoint.EndOfProgramme,
            AssessmentData.BergTotalling(45), AssessmentData.TenMetre(10, 16.1m), AssessmentData.SixMinute(262)), token);
        return new SeededPatient(patientId, programmeId, saved.Id, input.Date!.Value, baseline, end);
    }
}
