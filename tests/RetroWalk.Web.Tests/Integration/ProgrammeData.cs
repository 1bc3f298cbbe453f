using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Clinical.Protocols;
using RetroWalk.Web.Data;
using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Features.Programs;
using RetroWalk.Web.Features.Protocols;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>A clinic with one patient and the chronic-stroke template cloned, ready to assign.</summary>
public sealed record ProgrammeSetup(TestClinic Clinic, Guid PatientId, Guid ProtocolId, string TherapistUserId);

public static class ProgrammeData
{
    public static DateOnly NextMonday() => TestClock.NextMonday;

    public static async Task<ProgrammeSetup> SetUpAsync(RetroWalkApp app, string recordNumber = "PRG-1")
    {
        var clinic = await app.CreateClinicAsync();
        await using var scope = app.ScopeFor(clinic);
        var sp = scope.ServiceProvider;
        var patient = await sp.GetRequiredService<PatientService>().CreateAsync(PatientData.Valid(recordNumber));
        var protocol = await sp.GetRequiredService<ProtocolService>().CloneTemplateAsync(ProtocolTemplates.ChronicStroke4WeeksKey);
        var therapist = await sp.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(clinic.TherapistEmail);
        return new ProgrammeSetup(clinic, patient.Id, protocol.Id, therapist!.Id);
    }

    public static AssignInput Assign(ProgrammeSetup setup, DateOnly start, params DayOfWeek[] days) => new()
    {
        PatientId = setup.PatientId,
        ProtocolId = setup.ProtocolId,
        StartDate = start,
        TherapistUserId = setup.TherapistUserId,
        TrainingDays = [.. days],
    };
}
