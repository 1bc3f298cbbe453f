using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Outcomes;

namespace RetroWalk.Clinical.Tests.Outcomes;

public sealed class CohortSummaryTests
{
    private static readonly Dictionary<string, int> NoEvents = [];

    private static CohortPatient Patient(
        ProgrammeEnd end = ProgrammeEnd.Completed,
        double? adherence = 1,
        int delivered = 360,
        int prescribed = 360,
        int sessions = 12,
        string? reason = null,
        Dictionary<string, int>? events = null,
        params CohortMeasureChange[] changes) =>
        new(Guid.NewGuid(), end, reason, adherence, delivered, prescribed, sessions, events ?? NoEvents, changes);

    private static CohortMeasureChange Berg(double baseline, double end, ThresholdComparison mdc, ThresholdComparison mcid = ThresholdComparison.NotAvailable) =>
        new("BBS", baseline, end, mdc, mcid);

    [Fact]
    public void CountsStartedCompletedAndDiscontinuedWithReasons()
    {
        var summary = CohortSummary.Of(
        [
            Patient(),
            Patient(ProgrammeEnd.Discontinued, reason: "Moved away"),
            Patient(ProgrammeEnd.Discontinued, reason: "Moved away"),
            Patient(ProgrammeEnd.Discontinued, reason: " "),
            Patient(ProgrammeEnd.Ongoing),
        ]);

        Assert.Equal(5, summary.Started);
        Assert.Equal(1, summary.Completed);
        Assert.Equal(3, summary.Discontinued);
        Assert.Equal(2, summary.DiscontinuationReasons["Moved away"]);
        Assert.Equal(1, summary.DiscontinuationReasons["No reason recorded"]);
    }

    [Fact]
    public void MedianAdherenceAndDoseAreOverPatientsNotSessions()
    {
        var summary = CohortSummary.Of(
        [
            Patient(adherence: 0.5, delivered: 180, prescribed: 360),
            Patient(adherence: 0.75, delivered: 300, prescribed: 400),
            Patient(adherence: 1, delivered: 360, prescribed: 360),
            Patient(adherence: null, delivered: 0, prescribed: 0),
        ]);

        Assert.Equal(0.75, summary.MedianAdherence);
        Assert.Equal(0.75, summary.MedianDoseDelivered);
    }

    [Fact]
    public void AdverseEventsAreCountedPerHundredSessionsAttended()
    {
        var summary = CohortSummary.Of(
        [
            Patient(sessions: 30, events: new() { ["Near-fall"] = 2, ["Dizziness"] = 1 }),
            Patient(sessions: 20, events: new() { ["Near-fall"] = 1 }),
        ]);

        Assert.Equal(50, summary.SessionsAttended);
        Assert.Equal(6, summary.AdverseEventsPer100Sessions["Near-fall"], 9);
        Assert.Equal(2, summary.AdverseEventsPer100Sessions["Dizziness"], 9);
    }

    [Fact]
    public void ThresholdSharesCountOnlyPatientsWithAnApplicableValueAndSayHowManyHadNone()
    {
        var summary = CohortSummary.Of(
        [
            Patient(changes: Berg(40, 46, ThresholdComparison.Above, ThresholdComparison.Below)),
            Patient(changes: Berg(41, 43, ThresholdComparison.Below, ThresholdComparison.Below)),
            Patient(changes: Berg(44, 49, ThresholdComparison.Equal)),
            Patient(changes: Berg(38, 45, ThresholdComparison.NotAvailable)),
            Patient(changes: Berg(50, 52, ThresholdComparison.NotAvailable)),
        ]);

        var berg = Assert.Single(summary.Measures);
        Assert.Equal(5, berg.N);
        Assert.Equal(new(2, 3), berg.BeyondMdc);
        Assert.Equal(2, berg.WithoutMdc);
        Assert.Equal(new(0, 2), berg.BeyondMcid);
        Assert.Equal(3, berg.WithoutMcid);
        // Changes 6, 2, 5, 7, 2: mean 4.4.
        Assert.Equal(4.4, berg.MeanChange!.Mean, 9);
        Assert.False(berg.TooSmallToSummarise);
    }

    [Fact]
    public void AGroupUnderFivePatientsIsMarkedTooSmallButKeepsItsNumbers()
    {
        var summary = CohortSummary.Of(
        [
            Patient(changes: Berg(40, 46, ThresholdComparison.Above)),
            Patient(changes: Berg(41, 43, ThresholdComparison.Below)),
        ]);

        Assert.True(summary.TooSmallToSummarise);
        var berg = Assert.Single(summary.Measures);
        Assert.True(berg.TooSmallToSummarise);
        Assert.Equal(2, berg.N);
        Assert.Equal("1 of 2 (50 %)", berg.BeyondMdc.ToString());
    }
}
