using RetroWalk.Web.Features.Sessions;

namespace RetroWalk.Web.Tests.Integration;

public static class SessionData
{
    /// <summary>Planned session <paramref name="sequence"/>'s form, filled in as a completed session with plausible vital signs.</summary>
    public static async Task<SessionInput> CompletedAsync(SessionService sessions, Guid programmeId, int sequence, decimal rpe = 12m)
    {
        var form = (await sessions.GetFormAsync(programmeId, sequence, cancellationToken: TestContext.Current.CancellationToken))!;
        var input = form.Input;
        input.RestingHeartRate = 72;
        input.RestingSystolic = 130;
        input.RestingDiastolic = 80;
        input.PainBefore = 1;
        input.Rpe = rpe;
        input.PeakHeartRate = 110;
        input.SystolicAfter = 150;
        input.DiastolicAfter = 85;
        input.PainAfter = 1;
        return input;
    }
}
