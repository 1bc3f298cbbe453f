using RetroWalk.Clinical.Evidence;
using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class MeasureCatalogueTests
{
    private static readonly string[] UcumCodes = ["{score}", "s", "m/s", "m", "%"];

    public static TheoryData<string> Codes => [.. MeasureCatalogue.All.Select(m => m.Code)];

    [Fact]
    public void CatalogueHoldsExactlyTheStableCodes() =>
        Assert.Equal(
            ["BBS", "TUG", "10MWT-C", "10MWT-F", "3MBWT", "BWS", "6MWT", "FGA", "ABC", "DGI", "FTSTS", "MINIBEST"],
            MeasureCatalogue.All.Select(m => m.Code));

    [Fact]
    public void EveryCodeIsUniqueIgnoringCase() =>
        Assert.Equal(MeasureCatalogue.All.Count, MeasureCatalogue.All.Select(m => m.Code.ToUpperInvariant()).Distinct().Count());

    [Theory]
    [MemberData(nameof(Codes))]
    public void GetFindsEveryMeasureByItsCodeInAnyCase(string code)
    {
        Assert.Equal(code, MeasureCatalogue.Get(code).Code);
        Assert.True(MeasureCatalogue.TryGet(code.ToLowerInvariant(), out var measure));
        Assert.Equal(code, measure.Code);
    }

    [Fact]
    public void GetRejectsAnUnknownCode()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => MeasureCatalogue.Get("BBS2"));
        Assert.Contains("BBS2", ex.Message, StringComparison.Ordinal);
        Assert.False(MeasureCatalogue.TryGet("BBS2", out _));
        Assert.False(MeasureCatalogue.TryGet(null, out _));
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryMeasureIsFullyDescribed(string code)
    {
        var m = MeasureCatalogue.Get(code);
        Assert.False(string.IsNullOrWhiteSpace(m.Name));
        Assert.False(string.IsNullOrWhiteSpace(m.ShortName));
        Assert.False(string.IsNullOrWhiteSpace(m.SummaryLabel));
        Assert.False(string.IsNullOrWhiteSpace(m.Administration));
        Assert.Contains(m.Unit.Ucum, UcumCodes);
        Assert.InRange(m.Decimals, 0, 2);
        Assert.True(m.Range.Max > m.Range.Min);
    }

    [Theory]
    [InlineData("BBS", 0, 56)]
    [InlineData("FGA", 0, 30)]
    [InlineData("DGI", 0, 24)]
    [InlineData("MINIBEST", 0, 28)]
    [InlineData("ABC", 0, 100)]
    [InlineData("6MWT", 0, 1000)]
    [InlineData("TUG", 0, 300)]
    [InlineData("10MWT-C", 0, 3)]
    [InlineData("10MWT-F", 0, 3)]
    [InlineData("BWS", 0, 3)]
    public void ValidRangeMatchesTheReference(string code, int min, int max)
    {
        var range = MeasureCatalogue.Get(code).Range;
        Assert.Equal(min, range.Min);
        Assert.Equal(max, range.Max);
    }

    [Theory]
    [InlineData("TUG")]
    [InlineData("3MBWT")]
    [InlineData("FTSTS")]
    public void TimedTestsAreLowerIsBetter(string code) =>
        Assert.Equal(MeasureDirection.LowerIsBetter, MeasureCatalogue.Get(code).Direction);

    [Theory]
    [InlineData("BBS")]
    [InlineData("10MWT-C")]
    [InlineData("10MWT-F")]
    [InlineData("BWS")]
    [InlineData("6MWT")]
    [InlineData("FGA")]
    [InlineData("ABC")]
    [InlineData("DGI")]
    [InlineData("MINIBEST")]
    public void ScoresSpeedsAndDistancesAreHigherIsBetter(string code) =>
        Assert.Equal(MeasureDirection.HigherIsBetter, MeasureCatalogue.Get(code).Direction);

    [Theory]
    [InlineData("BBS", 14, 0, 4)]
    [InlineData("FGA", 10, 0, 3)]
    [InlineData("DGI", 8, 0, 3)]
    [InlineData("MINIBEST", 14, 0, 2)]
    [InlineData("ABC", 16, 0, 100)]
    public void ItemScaleHasItsItemsNumberedFromOne(string code, int count, int min, int max)
    {
        var items = MeasureCatalogue.Get(code).Items;
        Assert.Equal(Enumerable.Range(1, count), items.Select(i => i.Number));
        Assert.All(items, i =>
        {
            Assert.Equal(min, i.MinScore);
            Assert.Equal(max, i.MaxScore);
            Assert.False(string.IsNullOrWhiteSpace(i.Name));
        });
        Assert.Equal(count, items.Select(i => i.Name).Distinct().Count());
    }

    [Fact]
    public void BergItemsAreTheFourteenBergTasksInOrder()
    {
        var names = MeasureCatalogue.BergBalanceScale.Items.Select(i => i.Name).ToList();
        Assert.Equal("Sitting to standing", names[0]);
        Assert.Equal("Standing unsupported", names[1]);
        Assert.Equal("Sitting unsupported", names[2]);
        Assert.Equal("Turning 360 degrees", names[10]);
        Assert.Equal("Standing on one leg", names[13]);
    }

    [Fact]
    public void DgiItemsAreTheStandardEightTasks() =>
        Assert.Equal(
            ["Gait level surface", "Change in gait speed", "Gait with horizontal head turns", "Gait with vertical head turns",
             "Gait and pivot turn", "Step over obstacle", "Step around obstacles", "Steps"],
            MeasureCatalogue.DynamicGaitIndex.Items.Select(i => i.Name));

    [Fact]
    public void BergItemAllowsScoresZeroToFour() =>
        Assert.Equal([0, 1, 2, 3, 4], MeasureCatalogue.BergBalanceScale.Items[0].AllowedScores);

    [Theory]
    [MemberData(nameof(Codes))]
    public void ItemScoredTotalsSpanExactlyTheValidRange(string code)
    {
        var m = MeasureCatalogue.Get(code);
        if (!m.IsItemScored)
        {
            Assert.Empty(m.Items);
            return;
        }

        var (min, max) = m.ItemScoring == ItemScoring.Sum
            ? (m.Items.Sum(i => i.MinScore), m.Items.Sum(i => i.MaxScore))
            : (m.Items.Min(i => i.MinScore), m.Items.Max(i => i.MaxScore));
        Assert.Equal(m.Range.Max, max);
        Assert.Equal(m.Range.Min, min);
    }

    [Fact]
    public void EveryPublishedValueHasAPopulation()
    {
        foreach (var m in MeasureCatalogue.All)
        {
            Assert.All(m.ChangeThresholds, t =>
            {
                Assert.False(string.IsNullOrWhiteSpace(t.Population), $"{m.Code} {t.DisplayName} has no population");
                Assert.True(t.Value > 0, $"{m.Code} {t.DisplayName} is not positive");
            });
            Assert.All(m.CutOffs, s => Assert.False(string.IsNullOrWhiteSpace(s.Population), $"{m.Code} {s.Title} has no population"));
        }
    }

    [Fact]
    public void UnverifiedCutOffsAreMarkedOnTheirChartLines()
    {
        var unverified = MeasureCatalogue.All.SelectMany(m => m.CutOffs).Where(s => !s.IsVerified).ToList();
        Assert.Equal(["Older-adult fall risk (3MBWT > 4.5 s)", "Fall risk (ABC < 67%)", "Fall risk (DGI ≤ 19)"], unverified.Select(s => s.Title));
        Assert.All(unverified.SelectMany(s => s.Lines), l =>
        {
            Assert.False(l.IsVerified);
            Assert.Contains("unverified", l.Label, StringComparison.Ordinal);
        });
        Assert.All(unverified, s => Assert.NotNull(s.Caveat));
    }

    [Fact]
    public void AbcHasNoMdcOrMcidAndOnlyAnUnverifiedCutOff()
    {
        var abc = MeasureCatalogue.ActivitiesBalanceConfidence;
        Assert.Empty(abc.ChangeThresholds);
        Assert.All(abc.CutOffs, s => Assert.False(s.IsVerified));
        Assert.Equal("survey", abc.FhirCategory);
    }

    [Fact]
    public void FtstsHasNoMdcBecauseNoneIsConfirmed() =>
        Assert.Empty(MeasureCatalogue.FiveTimesSitToStand.ChangeThresholds);

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCutOffSchemeSortsEachValidValueIntoExactlyOneBand(string code)
    {
        var m = MeasureCatalogue.Get(code);
        var step = m.Decimals == 0 ? 1m : m.Decimals == 1 ? 0.1m : 0.01m;
        var samples = m.CutOffs.SelectMany(s => s.Bands)
            .SelectMany(b => new[] { b.Range.Min, b.Range.Max })
            .OfType<decimal>()
            .SelectMany(v => new[] { v - step, v, v + step })
            .Append(m.Range.Max)
            .Where(v => m.Range.Contains(v));

        foreach (var scheme in m.CutOffs)
        {
            foreach (var v in samples)
            {
                Assert.Single(scheme.Bands, b => b.Range.Contains(v));
            }
        }
    }

    [Fact]
    public void AmbulationCategoryLinesAreAtPointFourAndPointEight() =>
        Assert.Equal([0.4m, 0.8m], MeasureCatalogue.TenMetreWalkComfortable.CutOffs[0].Lines.Select(l => l.Value));

    [Fact]
    public void BergFallRiskCutOffCarriesMuirCaveat()
    {
        var scheme = MeasureCatalogue.BergBalanceScale.CutOffs[0];
        Assert.Equal("Berg 1992", scheme.Source.Label);
        Assert.Contains("Muir 2008", scheme.Caveat!.Text, StringComparison.Ordinal);
        Assert.Contains(Bibliography.Muir2008, scheme.Caveat.Sources);
        Assert.Equal([45m], scheme.Lines.Select(l => l.Value));
    }

    [Fact]
    public void BackwardSpeedIsDerivedFromTheBackwardWalkTest() =>
        Assert.Equal(MeasureCodes.ThreeMetreBackwardWalk, MeasureCatalogue.BackwardWalkingSpeed.DerivedFrom);

    [Theory]
    [InlineData("BBS", Condition.OlderAdultFallRisk, 0, 56, 1)]
    [InlineData("10MWT-C", Condition.ChronicStroke, 0.01, 3, 0.01)]
    public void BaselineDependentMdcsNeverOverlapOrLeaveGaps(string code, Condition condition, double from, double to, double step)
    {
        var m = MeasureCatalogue.Get(code);
        for (var v = (decimal)from; v <= (decimal)to; v += (decimal)step)
        {
            Assert.Single(ChangeInterpretation.Applicable(m, ChangeThresholdKind.Mdc, TestPatients.Of(condition, 75), v));
        }
    }

    [Fact]
    public void TenMetreWalkMcidForSubacuteStrokeCitesTilson()
    {
        var mcid = Assert.Single(MeasureCatalogue.TenMetreWalkComfortable.Mcids, t => t.AppliesTo.Conditions.Contains(Condition.SubacuteStroke));
        Assert.Equal(0.16m, mcid.Value);
        Assert.Equal("Tilson 2010", mcid.Source.Label);
    }

    [Fact]
    public void FastGaitSpeedHasNoChangeThresholds() =>
        Assert.Empty(MeasureCatalogue.TenMetreWalkFast.ChangeThresholds);

    [Fact]
    public void NormsCarryTheirGroups()
    {
        Assert.Equal([8.1m, 9.2m, 11.3m], MeasureCatalogue.TimedUpAndGo.Norms.Select(n => n.Mean));
        var women6069 = Assert.Single(MeasureCatalogue.TenMetreWalkComfortable.Norms, n => n.Sex == Sex.Female && n.AgeFrom == 60);
        Assert.Equal(1.24m, women6069.Mean);
        var nonFallers = Assert.Single(MeasureCatalogue.ThreeMetreBackwardWalk.Norms);
        Assert.Equal(5.1m, nonFallers.Mean);
        Assert.Equal(1.3m, nonFallers.StandardDeviation);
    }

    [Fact]
    public void CatalogueListsCannotBeChangedThroughACast()
    {
        Assert.False(MeasureCatalogue.BergBalanceScale.Items is MeasureItem[]);
        Assert.All(MeasureCatalogue.All.SelectMany(m => m.ChangeThresholds), t => Assert.False(t.AppliesTo.Conditions is Condition[] { Length: > 0 }));
    }
}
