using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

/// <summary>The corrections from the citation check, each at its boundaries and populations.</summary>
public class EvidenceCorrectionsTests
{
    [Fact]
    public void BergFortyTwoIsAStrokeCutOffFromTilson2012()
    {
        var scheme = MeasureCatalogue.BergBalanceScale.CutOffs.Single(s => s.Source == Bibliography.Tilson2012);
        Assert.Equal("stroke, about 2 months after onset", scheme.Population);
        Assert.Equal([Condition.ChronicStroke, Condition.SubacuteStroke], scheme.AppliesTo.Conditions);
        Assert.Contains("after stroke", scheme.Title, StringComparison.Ordinal);
        Assert.True(scheme.IsVerified);
    }

    [Fact]
    public void BergFortyFiveSaysItWasDerivedInResidentsAndThatMuirUsedAtOrBelow()
    {
        var scheme = MeasureCatalogue.BergBalanceScale.CutOffs[0];
        Assert.Equal("older adults living in residential care", scheme.Population);
        Assert.Contains("≤ 45", scheme.Caveat!.Text, StringComparison.Ordinal);
        Assert.Contains("exactly 45", scheme.Caveat.Text, StringComparison.Ordinal);
        Assert.Equal(EvidenceStatus.VerifiedThroughSecondary, scheme.Status);
    }

    [Theory]
    [InlineData(10.0, 8.5, ThresholdComparison.Below)]
    [InlineData(10.0, 8.4, ThresholdComparison.Above)]
    [InlineData(8.4, 10.0, ThresholdComparison.Above)]
    public void BackwardWalkTimeHasKocamansMdcOf157SecondsInStroke(double baseline, double latest, ThresholdComparison comparison)
    {
        foreach (var patient in new[] { TestPatients.ChronicStroke, TestPatients.SubacuteStroke })
        {
            var r = ChangeInterpretation.Interpret("3MBWT", patient, (decimal)baseline, (decimal)latest);
            Assert.Equal(1.57m, r.Mdc.Threshold!.Value);
            Assert.Equal(comparison, r.Mdc.Comparison);
            Assert.Equal("Kocaman 2021", r.Mdc.Source!.Label);
        }
    }

    [Fact]
    public void BackwardWalkTimeMdcIsNotBorrowedForOlderAdults() =>
        Assert.False(ChangeInterpretation.Interpret("3MBWT", TestPatients.OlderAdult, 10.0m, 6.0m).Mdc.IsAvailable);

    [Fact]
    public void TheFalseNoteAboutTheBackwardWalkMdcIsGone()
    {
        var notes = MeasureCatalogue.ThreeMetreBackwardWalk.Notes.Select(n => n.Text).ToList();
        Assert.DoesNotContain(notes, n => n.Contains("not for time", StringComparison.Ordinal));
        Assert.Contains(notes, n => n.Contains("1.57 s", StringComparison.Ordinal));
    }

    [Fact]
    public void CarterCutOffShowsItsPopulationAndWeakAccuracyAndIsNotUsed()
    {
        var scheme = Assert.Single(MeasureCatalogue.ThreeMetreBackwardWalk.CutOffs);
        Assert.False(scheme.IsVerified);
        Assert.Contains("without an aid", scheme.Population, StringComparison.Ordinal);
        Assert.Contains("retrospective", scheme.Population, StringComparison.Ordinal);
        Assert.Contains("5.1 ± 1.3 s", scheme.Caveat!.Text, StringComparison.Ordinal);
        Assert.Contains("AUC 0.655", scheme.Caveat.Text, StringComparison.Ordinal);
        Assert.Contains(Bibliography.PoloFerrero2025, scheme.Caveat.Sources);
        Assert.Contains(Bibliography.Kapan2023, scheme.Caveat.Sources);
    }

    [Theory]
    [InlineData(200, 244, ThresholdComparison.Equal)]
    [InlineData(200, 243, ThresholdComparison.Below)]
    [InlineData(200, 245, ThresholdComparison.Above)]
    public void SixMinuteWalkMcidIs44MetresInSubacuteStrokeBelowPointFourMetresPerSecond(int baseline, int latest, ThresholdComparison comparison)
    {
        var patient = TestPatients.SubacuteStroke with { BaselineComfortableGaitSpeed = 0.39m };
        var r = ChangeInterpretation.Interpret("6MWT", patient, baseline, latest);
        Assert.Equal(44m, r.Mcid.Threshold!.Value);
        Assert.Equal(comparison, r.Mcid.Comparison);
        Assert.Equal("Fulk & He 2018", r.Mcid.Source!.Label);
        Assert.Equal("subacute stroke (2–6 months), baseline comfortable gait speed < 0.4 m/s", r.Mcid.PopulationUsed);
    }

    [Theory]
    [InlineData(0.40)]
    [InlineData(0.80)]
    public void SixMinuteWalkHasNoMcidInSubacuteStrokeAtPointFourMetresPerSecondOrFaster(double speed)
    {
        var patient = TestPatients.SubacuteStroke with { BaselineComfortableGaitSpeed = (decimal)speed };
        var r = ChangeInterpretation.Interpret("6MWT", patient, 200, 300);
        Assert.False(r.Mcid.IsAvailable);
        Assert.Equal("No MCID published for subacute stroke", r.Mcid.Flag);
    }

    [Fact]
    public void SixMinuteWalkMcidNeedsTheBaselineGaitSpeed() =>
        Assert.False(ChangeInterpretation.Interpret("6MWT", TestPatients.SubacuteStroke, 200, 300).Mcid.IsAvailable);

    [Theory]
    [InlineData(0.30)]
    [InlineData(0.60)]
    public void SixMinuteWalkStrokeMcidsAreNotAppliedInChronicStroke(double speed)
    {
        var patient = TestPatients.ChronicStroke with { BaselineComfortableGaitSpeed = (decimal)speed };
        var r = ChangeInterpretation.Interpret("6MWT", patient, 200, 300);
        Assert.False(r.Mcid.IsAvailable);
        Assert.Equal("No MCID published for chronic stroke", r.Mcid.Flag);
    }

    [Fact]
    public void SixMinuteWalk71And65MetresAreShownWithTheirPoorDiscriminationAndNeverApplied()
    {
        var values = MeasureCatalogue.SixMinuteWalk.Mcids.Where(t => t.Value is 71m or 65m).ToList();
        Assert.Equal(2, values.Count);
        Assert.All(values, t =>
        {
            Assert.Empty(t.AppliesTo.Conditions);
            Assert.Contains("AUC 0.", t.Note, StringComparison.Ordinal);
        });
        foreach (var condition in Enum.GetValues<Condition>())
        {
            var patient = new PatientProfile(condition, 70, 0.6m);
            Assert.DoesNotContain(ChangeInterpretation.Applicable(MeasureCatalogue.SixMinuteWalk, ChangeThresholdKind.Mcid, patient, 200), t => t.Value is 71m or 65m);
        }
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    public void OlderAdultBergMdcNeedsThePatientToBeInTheStudiedAgeRange(int age, bool available)
    {
        var r = ChangeInterpretation.Interpret("BBS", new PatientProfile(Condition.OlderAdultFallRisk, age), 40, 46);
        Assert.Equal(available, r.Mdc.IsAvailable);
        if (!available)
        {
            Assert.Equal($"No MDC published for older adults aged {age}", r.Mdc.Flag);
        }
    }

    [Fact]
    public void OlderAdultGaitSpeedMcidIsNotUsedWithoutTheAge() =>
        Assert.False(ChangeInterpretation.Interpret("10MWT-C", new PatientProfile(Condition.OlderAdultFallRisk), 0.5m, 0.7m).Mcid.IsAvailable);

    [Fact]
    public void DgiOlderAdultMdcIsRomero2011AndSaysHowItWasMeasured()
    {
        var r = ChangeInterpretation.Interpret("DGI", TestPatients.OlderAdult, 15, 18);
        Assert.Equal(2.9m, r.Mdc.Threshold!.Value);
        Assert.Equal("Romero 2011", r.Mdc.Source!.Label);
        Assert.Contains("inter-rater", r.Mdc.Threshold.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void MiniBesTestMdcIsTsang2013() =>
        Assert.Equal("Tsang 2013", ChangeInterpretation.Interpret("MINIBEST", TestPatients.ChronicStroke, 15, 19).Mdc.Source!.Label);

    [Theory]
    [InlineData(Condition.ChronicStroke)]
    [InlineData(Condition.SubacuteStroke)]
    public void FgaMdcsAreNotUsedUntilTheirSourcesCanBeFound(Condition condition)
    {
        var r = ChangeInterpretation.Interpret("FGA", TestPatients.Of(condition), 10, 20);
        Assert.False(r.Mdc.IsAvailable);
        Assert.All(MeasureCatalogue.FunctionalGaitAssessment.Mdcs, t => Assert.False(t.IsVerified));
    }

    [Fact]
    public void VanBloemendaalHasItsYear() =>
        Assert.Equal("van Bloemendaal 2019", MeasureCatalogue.FunctionalGaitAssessment.Mdcs.Single(t => t.Value == 6m).Source.Label);

    [Fact]
    public void TugCaveatCitesBarry2014ForTheSensitivity()
    {
        var caveat = MeasureCatalogue.TimedUpAndGo.CutOffs[0].Caveat!;
        Assert.Contains("0.31", caveat.Text, StringComparison.Ordinal);
        Assert.Equal([Bibliography.Barry2014], caveat.Sources);
    }

    [Fact]
    public void ValuesThatHadNoPrimaryCitationNowHaveOne()
    {
        Assert.Contains(MeasureCatalogue.BergBalanceScale.Notes, n => n.Sources.Contains(Bibliography.Hayashi2022) && n.Text.Contains("6.5–12.5", StringComparison.Ordinal));
        Assert.Contains(MeasureCatalogue.TimedUpAndGo.Notes, n => n.Sources.Contains(Bibliography.Matsumoto2024) && n.Text.Contains("15–19 s", StringComparison.Ordinal));
        Assert.Equal(Bibliography.Romero2011, MeasureCatalogue.DynamicGaitIndex.Mdcs.Single(t => t.Value == 2.9m).Source);
        Assert.Equal(Bibliography.Tsang2013, MeasureCatalogue.MiniBesTest.Mdcs.Single().Source);
    }

    [Fact]
    public void FtstsCutOffIsStrokeVersusHealthyNotFallRisk()
    {
        var scheme = Assert.Single(MeasureCatalogue.FiveTimesSitToStand.CutOffs);
        Assert.Equal([Condition.ChronicStroke], scheme.AppliesTo.Conditions);
        Assert.Contains("not a fall-risk cut-off", scheme.Caveat!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AmbulationBandsSayTheyRestOnClinicianOpinion()
    {
        var scheme = MeasureCatalogue.TenMetreWalkComfortable.CutOffs[0];
        Assert.Contains("clinician opinion", scheme.Caveat!.Text, StringComparison.Ordinal);
        Assert.Contains(Bibliography.LewekSykes2019, scheme.Caveat.Sources);
    }
}
