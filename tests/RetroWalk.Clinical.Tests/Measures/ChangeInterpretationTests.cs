using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class ChangeInterpretationTests
{
    // TUG, chronic stroke: MDC 3.2 s. Lower is better, so a fall is an improvement.
    [Theory]
    [InlineData(16.0, 12.8, ThresholdComparison.Equal, ChangeDirection.Improved)]
    [InlineData(16.0, 12.9, ThresholdComparison.Below, ChangeDirection.Improved)]
    [InlineData(16.0, 12.7, ThresholdComparison.Above, ChangeDirection.Improved)]
    [InlineData(12.8, 16.0, ThresholdComparison.Equal, ChangeDirection.Worsened)]
    [InlineData(12.9, 16.0, ThresholdComparison.Below, ChangeDirection.Worsened)]
    [InlineData(12.7, 16.0, ThresholdComparison.Above, ChangeDirection.Worsened)]
    public void TugChangeIsComparedWithTheMdcInBothDirections(double baseline, double latest, ThresholdComparison comparison, ChangeDirection direction)
    {
        var r = ChangeInterpretation.Interpret("TUG", TestPatients.ChronicStroke, (decimal)baseline, (decimal)latest);

        Assert.Equal(comparison, r.Mdc.Comparison);
        Assert.Equal(comparison != ThresholdComparison.Below, r.Mdc.IsMet);
        Assert.Equal(direction, r.Direction);
        Assert.Equal(3.2m, r.Mdc.Threshold!.Value);
        Assert.Equal("chronic stroke", r.Mdc.PopulationUsed);
        Assert.Equal("Alghadir 2018", r.Mdc.Source!.Label);
    }

    [Fact]
    public void TugFallOfExactlyMdcCountsAsDetectable()
    {
        var r = ChangeInterpretation.Interpret("TUG", TestPatients.ChronicStroke, 16.0m, 12.8m);
        Assert.Equal(-3.2m, r.Change);
        Assert.Equal(3.2m, r.Improvement);
        Assert.True(r.Mdc.IsMet);
        Assert.Equal("Meets MDC 3.2 s", r.Mdc.Flag);
    }

    // 10MWT comfortable, subacute stroke: MCID 0.16 m/s (Tilson 2010).
    [Theory]
    [InlineData(0.45, 0.61, ThresholdComparison.Equal, ChangeDirection.Improved)]
    [InlineData(0.45, 0.60, ThresholdComparison.Below, ChangeDirection.Improved)]
    [InlineData(0.45, 0.62, ThresholdComparison.Above, ChangeDirection.Improved)]
    [InlineData(0.61, 0.45, ThresholdComparison.Equal, ChangeDirection.Worsened)]
    [InlineData(0.60, 0.45, ThresholdComparison.Below, ChangeDirection.Worsened)]
    [InlineData(0.62, 0.45, ThresholdComparison.Above, ChangeDirection.Worsened)]
    public void GaitSpeedChangeIsComparedWithTheMcidInBothDirections(double baseline, double latest, ThresholdComparison comparison, ChangeDirection direction)
    {
        var r = ChangeInterpretation.Interpret("10MWT-C", TestPatients.SubacuteStroke, (decimal)baseline, (decimal)latest);

        Assert.Equal(comparison, r.Mcid.Comparison);
        Assert.Equal(direction, r.Direction);
        Assert.Equal("Tilson 2010", r.Mcid.Source!.Label);
        Assert.Equal("subacute stroke", r.Mcid.PopulationUsed);
    }

    [Theory]
    [InlineData(40, 42, ThresholdComparison.Below)]
    [InlineData(40, 43, ThresholdComparison.Above)]
    [InlineData(43, 40, ThresholdComparison.Above)]
    public void BergWholePointChangesAgainstTheChronicStrokeMdcOf2Point7(int baseline, int latest, ThresholdComparison expected) =>
        Assert.Equal(expected, ChangeInterpretation.Interpret("BBS", TestPatients.ChronicStroke, baseline, latest).Mdc.Comparison);

    [Theory]
    [InlineData(56, 4)]
    [InlineData(45, 4)]
    [InlineData(44, 5)]
    [InlineData(35, 5)]
    [InlineData(34, 7)]
    [InlineData(25, 7)]
    [InlineData(24, 5)]
    [InlineData(0, 5)]
    public void BergMdcForOlderAdultsDependsOnBaseline(int baseline, int expectedMdc)
    {
        var latest = baseline == 56 ? 50 : baseline + 1;
        var r = ChangeInterpretation.Interpret("BBS", TestPatients.OlderAdult, baseline, latest);
        Assert.Equal(expectedMdc, r.Mdc.Threshold!.Value);
        Assert.Equal("Donoghue & Stokes 2009", r.Mdc.Source!.Label);
        Assert.StartsWith("older adults over 65, baseline ", r.Mdc.PopulationUsed, StringComparison.Ordinal);
    }

    [Fact]
    public void BergOlderAdultChangeOfExactlyTheBaselineMdcMeetsIt()
    {
        var r = ChangeInterpretation.Interpret("BBS", TestPatients.OlderAdult, 40, 45);
        Assert.Equal(ThresholdComparison.Equal, r.Mdc.Comparison);
        Assert.Equal("older adults over 65, baseline 35–44 points", r.Mdc.PopulationUsed);
    }

    [Theory]
    [InlineData(0.39, 0.10)]
    [InlineData(0.40, 0.15)]
    [InlineData(0.80, 0.15)]
    [InlineData(0.81, 0.18)]
    public void GaitSpeedMdcInChronicStrokeDependsOnBaselineSpeed(double baseline, double expectedMdc)
    {
        var r = ChangeInterpretation.Interpret("10MWT-C", TestPatients.ChronicStroke, (decimal)baseline, 1.2m);
        Assert.Equal((decimal)expectedMdc, r.Mdc.Threshold!.Value);
        Assert.Equal("Lewek & Sykes 2019", r.Mdc.Source!.Label);
    }

    [Fact]
    public void NoMdcOrMcidIsPublishedForKneeOsteoarthritis()
    {
        var r = ChangeInterpretation.Interpret("TUG", TestPatients.KneeOsteoarthritis, 12.0m, 8.0m);

        Assert.False(r.Mdc.IsAvailable);
        Assert.False(r.Mdc.IsMet);
        Assert.Equal(ThresholdComparison.NotAvailable, r.Mdc.Comparison);
        Assert.Null(r.Mdc.Source);
        Assert.Equal("none for knee osteoarthritis", r.Mdc.PopulationUsed);
        Assert.Equal("No MDC published for knee osteoarthritis", r.Mdc.Flag);
        Assert.Equal("No MCID published for knee osteoarthritis", r.Mcid.Flag);
        Assert.Null(r.MdcBandLower);
    }

    [Fact]
    public void SubacuteStrokeMcidIsNotUsedForChronicStroke()
    {
        // 0.16 m/s is published for subacute stroke only; chronic stroke gets no MCID, not a fallback.
        var r = ChangeInterpretation.Interpret("10MWT-C", TestPatients.ChronicStroke, 0.45m, 0.80m);
        Assert.False(r.Mcid.IsAvailable);
        Assert.True(r.Mdc.IsAvailable);
    }

    [Fact]
    public void InpatientStrokeMcidIsNeverAppliedAutomatically()
    {
        foreach (var condition in Enum.GetValues<Condition>())
        {
            var applicable = ChangeInterpretation.Applicable(MeasureCatalogue.TenMetreWalkComfortable, ChangeThresholdKind.Mcid, TestPatients.Of(condition), 0.5m);
            Assert.DoesNotContain(applicable, t => t.Value == 0.13m);
        }
    }

    [Theory]
    [InlineData(0.50, 0.53, 0.05, ThresholdComparison.Below)]
    [InlineData(0.50, 0.55, 0.05, ThresholdComparison.Equal)]
    [InlineData(0.50, 0.57, 0.05, ThresholdComparison.Above)]
    [InlineData(0.50, 0.60, 0.10, ThresholdComparison.Equal)]
    [InlineData(0.50, 0.70, 0.10, ThresholdComparison.Above)]
    public void TieredMcidReportsTheLargestTierMet(double baseline, double latest, double tier, ThresholdComparison comparison)
    {
        var r = ChangeInterpretation.Interpret("10MWT-C", TestPatients.OlderAdult, (decimal)baseline, (decimal)latest);
        Assert.Equal((decimal)tier, r.Mcid.Threshold!.Value);
        Assert.Equal(comparison, r.Mcid.Comparison);
        Assert.Equal("Perera 2006", r.Mcid.Source!.Label);
    }

    [Fact]
    public void BackwardSpeedMdcDiffersBetweenSubacuteAndChronicStroke()
    {
        Assert.Equal(0.07m, ChangeInterpretation.Interpret("BWS", TestPatients.SubacuteStroke, 0.3m, 0.4m).Mdc.Threshold!.Value);
        Assert.Equal(0.11m, ChangeInterpretation.Interpret("BWS", TestPatients.ChronicStroke, 0.3m, 0.4m).Mdc.Threshold!.Value);
    }

    [Fact]
    public void AbcChangeIsNeverJudgedAgainstAnUnverifiedValue()
    {
        var r = ChangeInterpretation.Interpret("ABC", TestPatients.OlderAdult, 40m, 80m);
        Assert.False(r.Mdc.IsAvailable);
        Assert.False(r.Mcid.IsAvailable);
        Assert.Empty(r.LatestCategories);
    }

    [Fact]
    public void PercentChangeIsRelativeToBaseline()
    {
        Assert.Equal(18.4m, ChangeInterpretation.Interpret("BBS", TestPatients.ChronicStroke, 38, 45).PercentChange);
        Assert.Equal(-29.3m, ChangeInterpretation.Interpret("TUG", TestPatients.ChronicStroke, 18.4m, 13.0m).PercentChange);
    }

    [Fact]
    public void PercentChangeFromAZeroBaselineIsNotDefined() =>
        Assert.Null(ChangeInterpretation.Interpret("6MWT", TestPatients.ChronicStroke, 0, 100).PercentChange);

    [Fact]
    public void ValuesAreComparedAtDisplayPrecision()
    {
        // 10 m in 22.2 s = 0.4504… m/s → 0.45; 10 m in 16.1 s = 0.6211… m/s → 0.62.
        var r = ChangeInterpretation.Interpret("10MWT-C", TestPatients.SubacuteStroke,
            MeasureScoring.GaitSpeed(10m, 22.2m).MetresPerSecond, MeasureScoring.GaitSpeed(10m, 16.1m).MetresPerSecond);

        Assert.Equal(0.45m, r.Baseline);
        Assert.Equal(0.62m, r.Latest);
        Assert.Equal(0.17m, r.Change);
    }

    [Fact]
    public void UnchangedValueIsNeitherImprovedNorWorsened()
    {
        var r = ChangeInterpretation.Interpret("BBS", TestPatients.ChronicStroke, 40, 40);
        Assert.Equal(ChangeDirection.Unchanged, r.Direction);
        Assert.Equal(ThresholdComparison.Below, r.Mdc.Comparison);
    }

    [Fact]
    public void MdcBandSurroundsTheBaseline()
    {
        var r = ChangeInterpretation.Interpret("TUG", TestPatients.ChronicStroke, 18.4m, 13.0m);
        Assert.Equal(15.2m, r.MdcBandLower);
        Assert.Equal(21.6m, r.MdcBandUpper);
    }

    [Fact]
    public void InvalidValuesAreRejectedWithTheFieldMessage()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ChangeInterpretation.Interpret("BBS", TestPatients.ChronicStroke, 38, 57));
        Assert.Contains("Berg Balance Scale must be between 0 and 56 points.", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => ChangeInterpretation.Interpret("TUG", TestPatients.ChronicStroke, -1, 10));
    }

    [Fact]
    public void CategoriesAreGivenAtBaselineAndLatest()
    {
        var r = ChangeInterpretation.Interpret("BBS", TestPatients.OlderAdult, 38, 45);
        Assert.Equal("Fall risk, older adults (Berg < 45)", Assert.Single(r.BaselineCategories).Text);
        Assert.Equal("Not in older-adult fall-risk range (Berg ≥ 45)", Assert.Single(r.LatestCategories).Text);
    }
}
