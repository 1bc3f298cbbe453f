using System.Text.Json;
using RetroWalk.Clinical.Scheduling;
using RetroWalk.Clinical.Sessions;

namespace RetroWalk.Clinical.Tests.Sessions;

public class SessionJsonTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public void SessionOutcomeRoundTrips()
    {
        var outcome = new SessionOutcome
        {
            Sequence = 4,
            Date = new DateOnly(2025, 3, 10),
            Status = SessionStatus.Partial,
            MainMinutes = 18.5m,
            SpeedKmh = 1.2m,
            Rpe = 14m,
            AdverseEvents = [new(AdverseEventType.NearFall, "lost balance at 12 min"), new(AdverseEventType.StoppedEarly)],
            StoppedEarlyReason = "fatigue",
        };

        var json = JsonSerializer.Serialize(outcome, Web);
        var back = JsonSerializer.Deserialize<SessionOutcome>(json, Web)!;

        Assert.Contains("\"status\":\"Partial\"", json, StringComparison.Ordinal);
        Assert.Contains("\"type\":\"NearFall\"", json, StringComparison.Ordinal);
        Assert.Equal(outcome.AdverseEvents, back.AdverseEvents);
        Assert.Equal(outcome with { AdverseEvents = back.AdverseEvents }, back);
    }

    [Fact]
    public void PlannedMakeUpSessionRoundTrips()
    {
        var makeUp = new PlannedSession(13, new DateOnly(2025, 3, 15), 2) { DoseSequence = 5, IsMakeUp = true, ReplacesSequence = 5 };

        var back = JsonSerializer.Deserialize<PlannedSession>(JsonSerializer.Serialize(makeUp, Web), Web);

        Assert.Equal(makeUp, back);
    }

    [Fact]
    public void RegularPlannedSessionDosesItself()
    {
        var back = JsonSerializer.Deserialize<PlannedSession>("{\"sequence\":3,\"date\":\"2025-03-07\",\"week\":1}", Web)!;

        Assert.Equal(3, back.DoseSequence);
        Assert.False(back.IsMakeUp);
    }
}
