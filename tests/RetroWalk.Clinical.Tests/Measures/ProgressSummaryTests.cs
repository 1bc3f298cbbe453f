using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class ProgressSummaryTests
{
    [Fact]
    public void GaitSpeedAboveTheSubacuteMcidReadsAsPlainLanguage() =>
        Assert.Equal(
            "Comfortable gait speed rose 0.17 m/s (0.45 → 0.62 m/s), more than the MCID of 0.16 m/s for subacute stroke (Tilson 2010); now a limited community ambulator.",
            ProgressSummary.Sentence("10MWT-C", Condition.SubacuteStroke, 0.45m, 0.62m));

    [Fact]
    public void ChangeEqualToTheMcidSaysEqualTo() =>
        Assert.Equal(
            "Comfortable gait speed rose 0.16 m/s (0.45 → 0.61 m/s), equal to the MCID of 0.16 m/s for subacute stroke (Tilson 2010); now a limited community ambulator.",
            ProgressSummary.Sentence("10MWT-C", Condition.SubacuteStroke, 0.45m, 0.61m));

    [Fact]
    public void LowerIsBetterWorseningIsCalledAWorsening() =>
        Assert.Equal(
            "TUG time rose 3.0 s (13.0 → 16.0 s), a worsening, less than the MDC of 3.2 s for chronic stroke (Alghadir 2018); no published MCID for chronic stroke; now at or above the older-adult fall-risk cut-off (TUG ≥ 13.5 s).",
            ProgressSummary.Sentence("TUG", Condition.ChronicStroke, 13.0m, 16.0m));

    [Fact]
    public void HigherIsBetterFallIsCalledAWorsening() =>
        Assert.Equal(
            "Berg Balance Scale score fell 4 points (46 → 42 points), a worsening, more than the MDC of 2.7 points for chronic stroke (Alghadir 2018); no published MCID for chronic stroke; now in the fall-risk range (Berg < 45).",
            ProgressSummary.Sentence("BBS", Condition.ChronicStroke, 46, 42));

    [Fact]
    public void BaselineDependentMdcNamesTheBaselineRange() =>
        Assert.Equal(
            "Berg Balance Scale score rose 6 points (40 → 46 points), more than the MDC of 5 points for older adults with baseline 35–44 points (Donoghue & Stokes 2009); no published MCID for older adults; now outside the fall-risk range (Berg ≥ 45).",
            ProgressSummary.Sentence("BBS", Condition.OlderAdultFallRisk, 40, 46));

    [Fact]
    public void PopulationWithoutPublishedValuesIsSaidPlainly() =>
        Assert.Equal(
            "6MWT distance rose 40 m (300 → 340 m), no published MDC or MCID for knee osteoarthritis.",
            ProgressSummary.Sentence("6MWT", Condition.KneeOsteoarthritis, 300, 340));

    [Fact]
    public void TieredMcidNamesTheTier() =>
        Assert.Equal(
            "6MWT distance rose 55 m (300 → 355 m), more than the MCID (substantial) of 50 m for older adults (Perera 2006).",
            ProgressSummary.Sentence("6MWT", Condition.OlderAdultFallRisk, 300, 355));

    [Fact]
    public void UnchangedValueSaysUnchanged() =>
        Assert.Equal(
            "DGI score was unchanged (18 → 18 points); now in the fall-risk range (DGI ≤ 19).",
            ProgressSummary.Sentence("DGI", Condition.ChronicStroke, 18, 18));

    [Fact]
    public void NumbersUseInvariantCultureWhateverTheCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.StartsWith("TUG time fell 5.4 s (18.4 → 13.0 s)",
                ProgressSummary.Sentence("TUG", Condition.ChronicStroke, 18.4m, 13.0m), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
