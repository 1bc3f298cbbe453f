using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class MeasureCategoriesTests
{
    private static string Primary(string code, decimal value, PatientProfile? patient = null) =>
        MeasureCategories.Categorise(code, value, patient ?? TestPatients.ChronicStroke)[0].Text;

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
        var category = MeasureCategories.Categorise("10MWT-C", 0.5m, TestPatients.SubacuteStroke)[0];
        Assert.Equal("Perry 1995", category.Source.Label);
        Assert.Equal("stroke", category.Population);
    }

    [Theory]
    [InlineData(Condition.KneeOsteoarthritis)]
    [InlineData(Condition.AclReconstruction)]
    [InlineData(Condition.ParkinsonsDisease)]
    [InlineData(Condition.OlderAdultFallRisk)]
    [InlineData(Condition.Other)]
    public void StrokeAmbulationCategoriesAreNotUsedOutsideStroke(Condition condition) =>
        Assert.DoesNotContain(MeasureCategories.Categorise("10MWT-C", 0.3m, TestPatients.Of(condition, 75)), c => c.Source.Label == "Perry 1995");

    [Theory]
    [InlineData(44, "Fall risk, older adults (Berg < 45)")]
    [InlineData(45, "Not in older-adult fall-risk range (Berg ≥ 45)")]
    public void BergOlderAdultFallRiskBoundaryIs45(int score, string expected) =>
        Assert.Equal(expected, Primary("BBS", score, TestPatients.OlderAdult));

    [Theory]
    [InlineData(Condition.ChronicStroke, 42, "Risk of multiple or injurious falls after stroke (Berg ≤ 42)")]
    [InlineData(Condition.ChronicStroke, 43, "Above the stroke multiple-fall cut-off (Berg > 42)")]
    [InlineData(Condition.SubacuteStroke, 42, "Risk of multiple or injurious falls after stroke (Berg ≤ 42)")]
    [InlineData(Condition.SubacuteStroke, 43, "Above the stroke multiple-fall cut-off (Berg > 42)")]
    public void BergMultipleFallBoundaryIs42InStroke(Condition condition, int score, string expected)
    {
        var category = Assert.Single(MeasureCategories.Categorise("BBS", score, TestPatients.Of(condition)));
        Assert.Equal(expected, category.Text);
        Assert.Equal("Tilson 2012", category.Source.Label);
        Assert.Equal("stroke, about 2 months after onset", category.Population);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(42)]
    public void Berg42InAnOlderAdultDoesNotReadMultipleOrInjuriousFalls(int score)
    {
        var categories = MeasureCategories.Categorise("BBS", score, TestPatients.OlderAdult);
        var category = Assert.Single(categories);
        Assert.Equal("Fall risk, older adults (Berg < 45)", category.Text);
        Assert.DoesNotContain("injurious", category.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(categories, c => c.Source.Label == "Tilson 2012");
    }

    [Theory]
    [InlineData(13.4, false)]
    [InlineData(13.5, true)]
    public void TugOlderAdultFallRiskStartsAt13Point5Seconds(double seconds, bool atRisk) =>
        Assert.Equal(atRisk, MeasureCategories.Categorise("TUG", (decimal)seconds, TestPatients.OlderAdult)[0].Band.IsConcern);

    [Theory]
    [InlineData(Condition.OlderAdultFallRisk)]
    [InlineData(Condition.ChronicStroke)]
    [InlineData(Condition.SubacuteStroke)]
    [InlineData(Condition.ParkinsonsDisease)]
    public void BackwardWalkTimeIsNeverCategorisedByTheCarterCutOff(Condition condition)
    {
        Assert.Empty(MeasureCategories.Categorise("3MBWT", 4.6m, TestPatients.Of(condition, 75)));
        Assert.Empty(MeasureCategories.Categorise("3MBWT", 9.0m, TestPatients.Of(condition, 75)));
    }

    [Theory]
    [InlineData("FGA", 22, true)]
    [InlineData("FGA", 23, false)]
    [InlineData("10MWT-F", 1.12, true)]
    [InlineData("10MWT-F", 1.13, false)]
    public void OlderAdultCutOffBoundaries(string code, double value, bool concern) =>
        Assert.Equal(concern, MeasureCategories.Categorise(code, (decimal)value, TestPatients.OlderAdult)[0].Band.IsConcern);

    [Theory]
    [InlineData(12.0, false)]
    [InlineData(12.1, true)]
    public void FtstsTwelveSecondsSeparatesChronicStrokeFromHealthyOlderAdults(double seconds, bool concern) =>
        Assert.Equal(concern, MeasureCategories.Categorise("FTSTS", (decimal)seconds, TestPatients.ChronicStroke)[0].Band.IsConcern);

    [Theory]
    [InlineData(Condition.OlderAdultFallRisk)]
    [InlineData(Condition.KneeOsteoarthritis)]
    [InlineData(Condition.SubacuteStroke)]
    public void FtstsStrokeCutOffIsUsedOnlyInChronicStroke(Condition condition) =>
        Assert.Empty(MeasureCategories.Categorise("FTSTS", 15m, TestPatients.Of(condition, 75)));

    [Theory]
    [InlineData(0.75, true)]
    [InlineData(0.76, false)]
    public void ComfortableSpeedOlderAdultFallRiskIsBelow0Point76(double speed, bool concern)
    {
        var category = Assert.Single(MeasureCategories.Categorise("10MWT-C", (decimal)speed, TestPatients.OlderAdult));
        Assert.Equal(concern, category.Band.IsConcern);
        Assert.Equal("Middleton 2016", category.Source.Label);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(90)]
    public void UnverifiedAbcCutOffIsNeverUsedToCategorise(int score) =>
        Assert.Empty(MeasureCategories.Categorise("ABC", score, TestPatients.OlderAdult));

    [Theory]
    [InlineData(10)]
    [InlineData(22)]
    public void UnconfirmedDgiCutOffIsNeverUsedToCategorise(int score) =>
        Assert.Empty(MeasureCategories.Categorise("DGI", score, TestPatients.OlderAdult));

    [Theory]
    [InlineData("6MWT", 300)]
    [InlineData("MINIBEST", 12)]
    [InlineData("BWS", 0.3)]
    public void MeasuresWithoutCutOffsHaveNoCategory(string code, double value) =>
        Assert.Empty(MeasureCategories.Categorise(code, (decimal)value, TestPatients.ChronicStroke));

    public static TheoryData<string, double> OlderAdultOnlyCutOffs => new()
    {
        { "BBS", 40 }, { "TUG", 20.0 }, { "10MWT-C", 0.5 }, { "10MWT-F", 0.9 }, { "FGA", 15 },
    };

    [Theory]
    [MemberData(nameof(OlderAdultOnlyCutOffs))]
    public void AStrokePatientIsNeverCategorisedByAnOlderAdultCutOff(string code, double value)
    {
        foreach (var patient in new[] { TestPatients.ChronicStroke, TestPatients.SubacuteStroke, TestPatients.Of(Condition.ChronicStroke, 80) })
        {
            Assert.DoesNotContain(MeasureCategories.Categorise(code, (decimal)value, patient),
                c => c.Scheme.AppliesTo.Conditions.Contains(Condition.OlderAdultFallRisk));
        }
    }

    [Theory]
    [MemberData(nameof(OlderAdultOnlyCutOffs))]
    public void KneeAclAndParkinsonsPatientsBorrowNoOlderAdultCutOff(string code, double value)
    {
        foreach (var condition in new[] { Condition.KneeOsteoarthritis, Condition.AclReconstruction, Condition.ParkinsonsDisease, Condition.Other })
        {
            Assert.Empty(MeasureCategories.Categorise(code, (decimal)value, TestPatients.Of(condition, 80)));
            Assert.NotEmpty(MeasureCategories.Unused(MeasureCatalogue.Get(code), TestPatients.Of(condition, 80)));
        }
    }

    [Theory]
    [InlineData(64, false)]
    [InlineData(65, true)]
    [InlineData(93, true)]
    [InlineData(94, false)]
    public void OlderAdultGaitSpeedCutOffNeedsAnAgeInsideTheStudiedRange(int age, bool categorised)
    {
        var patient = new PatientProfile(Condition.OlderAdultFallRisk, age);
        Assert.Equal(categorised, MeasureCategories.Categorise("10MWT-C", 0.5m, patient).Count == 1);
    }

    [Fact]
    public void OlderAdultCutOffIsNotUsedWhenTheAgeIsUnknown()
    {
        var patient = new PatientProfile(Condition.OlderAdultFallRisk, null);
        Assert.Empty(MeasureCategories.Categorise("TUG", 20m, patient));
        var unused = Assert.Single(MeasureCategories.Unused(MeasureCatalogue.TimedUpAndGo, patient));
        Assert.Contains("age is not known", unused.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(59, false)]
    [InlineData(60, true)]
    [InlineData(90, true)]
    [InlineData(91, false)]
    public void FgaCutOffFollowsTheSixtyToNinetySample(int age, bool categorised) =>
        Assert.Equal(categorised, MeasureCategories.Categorise("FGA", 20m, new PatientProfile(Condition.OlderAdultFallRisk, age)).Count == 1);

    [Fact]
    public void UnusedCutOffsSayWhyInPlainWords()
    {
        var unused = MeasureCategories.Unused(MeasureCatalogue.BergBalanceScale, TestPatients.KneeOsteoarthritis);
        Assert.Equal(
            [
                "Fall risk, older adults (Berg < 45): derived in older adults, not in knee osteoarthritis.",
                "Multiple or injurious falls after stroke (Berg ≤ 42): derived in chronic stroke and subacute stroke, not in knee osteoarthritis.",
            ],
            unused.Select(u => u.Text));
    }
}
