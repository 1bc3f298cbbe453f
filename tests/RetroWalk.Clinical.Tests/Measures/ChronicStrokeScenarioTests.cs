using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

/// <summary>
/// The chronic-stroke patient used by the browser test: Berg 38 → 45, comfortable 10MWT over
/// 10 m in 22.2 s → 16.1 s, TUG 18.4 s → 13.0 s.
/// </summary>
public class ChronicStrokeScenarioTests
{
    private static readonly PatientProfile Patient = TestPatients.ChronicStroke;

    [Fact]
    public void BergRisesSevenPointsExceedingTheMdcAndLeavesTheStrokeMultipleFallRange()
    {
        var r = ChangeInterpretation.Interpret("BBS", Patient, 38, 45);

        Assert.Equal(7m, r.Change);
        Assert.Equal(18.4m, r.PercentChange);
        Assert.Equal(ChangeDirection.Improved, r.Direction);
        Assert.Equal(ThresholdComparison.Above, r.Mdc.Comparison);
        Assert.Equal(2.7m, r.Mdc.Threshold!.Value);
        Assert.Equal("chronic stroke", r.Mdc.PopulationUsed);
        Assert.Equal("Exceeds MDC 2.7 points", r.Mdc.Flag);
        Assert.False(r.Mcid.IsAvailable);
        Assert.Equal("No MCID published for chronic stroke", r.Mcid.Flag);
        // The older-adult cut-off (Berg < 45) is not used after stroke; the stroke cut-off (Tilson 2012) is.
        Assert.Equal("Risk of multiple or injurious falls after stroke (Berg ≤ 42)", Assert.Single(r.BaselineCategories).Text);
        Assert.Equal("Above the stroke multiple-fall cut-off (Berg > 42)", Assert.Single(r.LatestCategories).Text);
        Assert.Equal(
            "Berg Balance Scale score rose 7 points (38 → 45 points), more than the MDC of 2.7 points for chronic stroke (Alghadir 2018); no published MCID for chronic stroke; now above the stroke multiple-fall cut-off (Berg > 42) (Tilson 2012).",
            ProgressSummary.Sentence(r));
    }

    [Fact]
    public void ComfortableGaitSpeedRisesFrom045To062ExceedingTheBaselineMdc()
    {
        var baseline = MeasureScoring.GaitSpeed(MeasureScoring.TenMetreFullDistance, 22.2m);
        var latest = MeasureScoring.GaitSpeed(MeasureScoring.TenMetreFullDistance, 16.1m);
        Assert.Equal("0.45 m/s", MeasureCatalogue.TenMetreWalkComfortable.WithUnit(baseline.MetresPerSecond));
        Assert.Equal("0.62 m/s", MeasureCatalogue.TenMetreWalkComfortable.WithUnit(latest.MetresPerSecond));

        var r = ChangeInterpretation.Interpret("10MWT-C", Patient, baseline.MetresPerSecond, latest.MetresPerSecond);

        Assert.Equal(0.17m, r.Change);
        Assert.Equal(37.8m, r.PercentChange);
        Assert.Equal(ThresholdComparison.Above, r.Mdc.Comparison);
        Assert.Equal(0.15m, r.Mdc.Threshold!.Value);
        Assert.Equal("chronic stroke, baseline 0.4–0.8 m/s", r.Mdc.PopulationUsed);
        Assert.Equal("Lewek & Sykes 2019", r.Mdc.Source!.Label);
        Assert.False(r.Mcid.IsAvailable);
        Assert.Equal("Limited community ambulator (0.4–0.8 m/s)", r.BaselineCategories[0].Text);
        Assert.Equal("Limited community ambulator (0.4–0.8 m/s)", r.LatestCategories[0].Text);
        Assert.Equal(
            "Comfortable gait speed rose 0.17 m/s (0.45 → 0.62 m/s), more than the MDC of 0.15 m/s for chronic stroke with baseline 0.4–0.8 m/s (Lewek & Sykes 2019); no published MCID for chronic stroke; now a limited community ambulator (Perry 1995).",
            ProgressSummary.Sentence(r));
    }

    [Fact]
    public void TugFallsFivePointFourSecondsExceedingTheMdcWithNoOlderAdultCategory()
    {
        var r = ChangeInterpretation.Interpret("TUG", Patient, 18.4m, 13.0m);

        Assert.Equal(-5.4m, r.Change);
        Assert.Equal(-29.3m, r.PercentChange);
        Assert.Equal(ChangeDirection.Improved, r.Direction);
        Assert.Equal(ThresholdComparison.Above, r.Mdc.Comparison);
        Assert.Equal(3.2m, r.Mdc.Threshold!.Value);
        Assert.Equal("Alghadir 2018", r.Mdc.Source!.Label);
        Assert.Equal("Exceeds MDC 3.2 s", r.Mdc.Flag);
        Assert.Empty(r.BaselineCategories);
        Assert.Empty(r.LatestCategories);
        Assert.Equal(
            "TUG time fell 5.4 s (18.4 → 13.0 s), more than the MDC of 3.2 s for chronic stroke (Alghadir 2018); no published MCID for chronic stroke.",
            ProgressSummary.Sentence(r));
    }
}
