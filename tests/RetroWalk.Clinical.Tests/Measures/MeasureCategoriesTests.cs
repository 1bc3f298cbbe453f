using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class MeasureCategoriesTests
{
    private static string Primary(string code, decimal value, Condition condition = Condition.ChronicStroke) =>
        MeasureCategories.Categorise(code, value, condition)[0].Text;

    [Theory]
    [InlineData(0.39, "Household ambulator (< 0.4 m/s)")]
    [InlineData(0.40, "Limited community ambulator (0.4–0.8 m/s)")]
    [InlineData(0.80, "Limited community ambulator (0.4–0.8 m/s)")]
    [InlineData(0.81, "Community ambulator (> 0.8 m/s)")]
    public void AmbulationCategoryBoundariesAreInclusiveOfPointFourAndPointEight(double speed, string expected) =>
        Assert.Equal(expected, Primary("10MWT-C", (decimal)speed));

    [Fact]
    public void AmbulationCategoryIsJudgedAtDisplayPrecision()
    {
        // 0.395 m/s is shown as 0.40 m/s, so it is categorised as 0.40.
        Assert.Equal("Limited community ambulator (0.4–0.8 m/s)", Primary("10MWT-C", 0.395m));
        Assert.Equal("Household ambulator (< 0.4 m/s)", Primary("10MWT-C", 0.3949m));
    }

    [Fact]
    public void AmbulationCategoryNamesPerry1995AndItsPopulation()
    {
        var category = MeasureCategories.Categorise("10MWT-C", 0.5m, Condition.SubacuteStroke)[0];
        Assert.Equal("Perry 1995", category.Source);
        Assert.Equal("stroke", category.Population);
    }

    [Theory]
    [InlineData(44, "Fall risk (Berg < 45)")]
    [InlineData(45, "Not in fall-risk range (Berg ≥ 45)")]
    public void BergFallRiskBoundaryIs45(int score, string expected) =>
        Assert.Equal(expected, Primary("BBS", score));

    [Theory]
    [InlineData(42, "Risk of multiple or injurious falls (Berg ≤ 42)")]
    [InlineData(43, "Above multiple-fall cut-off (Berg > 42)")]
    public void BergMultipleFallBoundaryIs42(int score, string expected) =>
        Assert.Equal(expected, MeasureCategories.Categorise("BBS", score, Condition.OlderAdultFallRisk)[1].Text);

    [Theory]
    [InlineData(13.4, false)]
    [InlineData(13.5, true)]
    public void TugOlderAdultFallRiskStartsAt13Point5Seconds(double seconds, bool atRisk) =>
        Assert.Equal(atRisk, MeasureCategories.Categorise("TUG", (decimal)seconds, Condition.OlderAdultFallRisk)[0].Band.IsConcern);

    [Theory]
    [InlineData(4.5, false)]
    [InlineData(4.6, true)]
    public void BackwardWalkHighFallRiskIsAbove4Point5Seconds(double seconds, bool atRisk) =>
        Assert.Equal(atRisk, MeasureCategories.Categorise("3MBWT", (decimal)seconds, Condition.OlderAdultFallRisk)[0].Band.IsConcern);

    [Theory]
    [InlineData(Condition.ChronicStroke)]
    [InlineData(Condition.SubacuteStroke)]
    public void BackwardWalkFallRiskIsNotUsedInStroke(Condition condition) =>
        Assert.Empty(MeasureCategories.Categorise("3MBWT", 9.0m, condition));

    [Theory]
    [InlineData("FGA", 22, true)]
    [InlineData("FGA", 23, false)]
    [InlineData("DGI", 19, true)]
    [InlineData("DGI", 20, false)]
    [InlineData("FTSTS", 12.0, false)]
    [InlineData("FTSTS", 12.1, true)]
    [InlineData("10MWT-F", 1.12, true)]
    [InlineData("10MWT-F", 1.13, false)]
    public void CutOffBoundaries(string code, double value, bool concern) =>
        Assert.Equal(concern, MeasureCategories.Categorise(code, (decimal)value, Condition.OlderAdultFallRisk)[0].Band.IsConcern);

    [Theory]
    [InlineData(0.75, true)]
    [InlineData(0.76, false)]
    public void ComfortableSpeedOlderAdultFallRiskIsBelow0Point76(double speed, bool concern) =>
        Assert.Equal(concern, MeasureCategories.Categorise("10MWT-C", (decimal)speed, Condition.OlderAdultFallRisk)[1].Band.IsConcern);

    [Theory]
    [InlineData(10)]
    [InlineData(90)]
    public void UnverifiedAbcCutOffIsNeverUsedToCategorise(int score) =>
        Assert.Empty(MeasureCategories.Categorise("ABC", score, Condition.OlderAdultFallRisk));

    [Theory]
    [InlineData("6MWT", 300)]
    [InlineData("MINIBEST", 12)]
    [InlineData("BWS", 0.3)]
    public void MeasuresWithoutCutOffsHaveNoCategory(string code, double value) =>
        Assert.Empty(MeasureCategories.Categorise(code, (decimal)value, Condition.ChronicStroke));
}
