using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class ProgressSummaryTests
{
    [Fact]
    public void GaitSpeedAboveTheSubacuteMcidReadsAsPlainLanguage() =>
        Assert.Equal(
            "Comfortable gait speed rose 0.17 m/s (0.45 → 0.62 m/s), more than the MCID of 0.16 m/s for subacute stroke (Tilson 2010); now a limited community ambulator (Perry 1995).",
            ProgressSummary.Sentence("10MWT-C", TestPatients.SubacuteStroke, 0.45m, 0.62m));

    [Fact]
    public void ChangeEqualToTheMcidSaysEqualTo() =>
        Assert.Equal(
            "Comfortable gait speed rose 0.16 m/s (0.45 → 0.61 m/s), equal to the MCID of 0.16 m/s for subacute stroke (Tilson 2010); now a limited community ambulator (Perry 1995).",
            ProgressSummary.Sentence("10MWT-C", TestPatients.SubacuteStroke, 0.45m, 0.61m));

    [Fact]
    public void LowerIsBetterWorseningIsCalledAWorsening() =>
        Assert.Equal(
            "TUG time rose 3.0 s (13.0 → 16.0 s), a worsening, less than the MDC of 3.2 s for chronic stroke (Alghadir 2018); no published MCID for chronic stroke.",
            ProgressSummary.Sentence("TUG", TestPatients.ChronicStroke, 13.0m, 16.0m));

    [Fact]
    public void HigherIsBetterFallIsCalledAWorsening() =>
        Assert.Equal(
            "Berg Balance Scale score fell 4 points (46 → 42 points), a worsening, more than the MDC of 2.7 points for chronic stroke (Alghadir 2018); no published MCID for chronic stroke; now in the range for multiple or injurious falls after stroke (Berg ≤ 42) (Tilson 2012).",
            ProgressSummary.Sentence("BBS", TestPatients.ChronicStroke, 46, 42));

    [Fact]
    public void BaselineDependentMdcNamesTheBaselineRange() =>
        Assert.Equal(
            "Berg Balance Scale score rose 6 points (40 → 46 points), more than the MDC of 5 points for older adults over 65 with baseline 35–44 points (Donoghue & Stokes 2009); no published MCID for older adults aged 78; now outside the older-adult fall-risk range (Berg ≥ 45) (Berg 1992).",
            ProgressSummary.Sentence("BBS", TestPatients.OlderAdult, 40, 46));

    [Fact]
    public void PopulationWithoutPublishedValuesIsSaidPlainly() =>
        Assert.Equal(
            "6MWT distance rose 40 m (300 → 340 m), no published MDC or MCID for knee osteoarthritis.",
            ProgressSummary.Sentence("6MWT", TestPatients.KneeOsteoarthritis, 300, 340));

    [Fact]
    public void TieredMcidNamesTheTier() =>
        Assert.Equal(
            "6MWT distance rose 55 m (300 → 355 m), more than the MCID (substantial) of 50 m for older adults (Perera 2006).",
            ProgressSummary.Sentence("6MWT", TestPatients.OlderAdult, 300, 355));

    [Fact]
    public void UnchangedValueSaysUnchanged() =>
        Assert.Equal(
            "DGI score was unchanged (18 → 18 points).",
            ProgressSummary.Sentence("DGI", TestPatients.ChronicStroke, 18, 18));

    [Fact]
    public void NumbersUseInvariantCultureWhateverTheCurrentCulture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.StartsWith("TUG time fell 5.4 s (18.4 → 13.0 s)",
                ProgressSummary.Sentence("TUG", TestPatients.ChronicStroke, 18.4m, 13.0m), StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
