using RetroWalk.Clinical.Measures;
using RetroWalk.Clinical.Outcomes;

namespace RetroWalk.Clinical.Tests.Outcomes;

public sealed class CohortMeasureChangeTests
{
    private static readonly PatientProfile ChronicStroke = new(Condition.ChronicStroke, 68);

    [Fact]
    public void AnImprovementBeyondTheMdcCountsAsBeyondIt()
    {
        // TUG 20 → 16 s in chronic stroke: 4 s faster, above the MDC of 3.2 s; no TUG MCID applies.
        var change = CohortMeasureChange.Of(ChangeInterpretation.Interpret(MeasureCodes.TimedUpAndGo, ChronicStroke, 20, 16));

        Assert.Equal((-4.0, ThresholdComparison.Above, ThresholdComparison.NotAvailable), (change.Change, change.Mdc, change.Mcid));
    }

    [Fact]
    public void AWorseningAsLargeAsTheMdcIsNotCountedAsBeyondIt()
    {
        // TUG 16 → 20 s: 4 s slower is a detectable worsening, not an improvement beyond the MDC.
        var change = CohortMeasureChange.Of(ChangeInterpretation.Interpret(MeasureCodes.TimedUpAndGo, ChronicStroke, 16, 20));

        Assert.Equal((4.0, ThresholdComparison.Below), (change.Change, change.Mdc));
    }

    [Fact]
    public void WithoutAPublishedValueForThePopulationTheThresholdIsNotAvailable()
    {
        var change = CohortMeasureChange.Of(ChangeInterpretation.Interpret(MeasureCodes.TimedUpAndGo, new PatientProfile(Condition.KneeOsteoarthritis, 60), 12, 8));

        Assert.Equal((ThresholdComparison.NotAvailable, ThresholdComparison.NotAvailable), (change.Mdc, change.Mcid));
    }
}
