using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class SixMinuteWalkTests
{
    [Fact]
    public void PredictedDistanceForAManUsesTheMenEquation()
    {
        // Man, 60 years, 170 cm, 70 kg:
        // 7.57 × 170 = 1286.9; 5.02 × 60 = 301.2; 1.76 × 70 = 123.2
        // 1286.9 − 301.2 − 123.2 − 309 = 553.5 m
        var prediction = SixMinuteWalk.Predicted(Sex.Male, 60, 170m, 70m);

        Assert.Equal(553.5m, prediction.PredictedMetres);
        Assert.Null(prediction.NotApplicableReason);
        Assert.Null(prediction.Caveat);
        Assert.Equal("Enright & Sherrill 1998", prediction.Source.Label);
    }

    [Fact]
    public void PredictedDistanceForAWomanUsesTheWomenEquation()
    {
        // Woman, 65 years, 160 cm, 60 kg:
        // 2.11 × 160 = 337.6; 2.29 × 60 = 137.4; 5.78 × 65 = 375.7
        // 337.6 − 137.4 − 375.7 + 667 = 491.5 m
        Assert.Equal(491.5m, SixMinuteWalk.Predicted(Sex.Female, 65, 160m, 60m).PredictedMetres);
    }

    [Fact]
    public void PredictedDistanceForAnOlderHeavierMan()
    {
        // Man, 75 years, 182 cm, 95.5 kg:
        // 7.57 × 182 = 1377.74; 5.02 × 75 = 376.5; 1.76 × 95.5 = 168.08
        // 1377.74 − 376.5 − 168.08 − 309 = 524.16 m
        Assert.Equal(524.16m, SixMinuteWalk.Predicted(Sex.Male, 75, 182m, 95.5m).PredictedMetres);
    }

    [Fact]
    public void NoPredictionAppliesForSexOther()
    {
        var prediction = SixMinuteWalk.Predicted(Sex.Other, 60, 170m, 70m);

        Assert.False(prediction.IsAvailable);
        Assert.Null(prediction.PredictedMetres);
        Assert.Contains("men and women only", prediction.NotApplicableReason, StringComparison.Ordinal);
        Assert.Null(SixMinuteWalk.PercentOfPredicted(400m, prediction));
    }

    [Fact]
    public void PercentOfPredictedIsDistanceOverPredicted()
    {
        // 450 / 553.5 × 100 = 81.30…% → 81.3%
        var prediction = SixMinuteWalk.Predicted(Sex.Male, 60, 170m, 70m);
        Assert.Equal(81.3m, SixMinuteWalk.PercentOfPredicted(450m, prediction));
    }

    [Fact]
    public void AgeIsTakenOnTheTestDate()
    {
        // Born 1964-06-15: 59 on 2024-06-14, 60 on 2024-06-15.
        var dob = new DateOnly(1964, 6, 15);
        Assert.Equal(SixMinuteWalk.Predicted(Sex.Male, 59, 170m, 70m), SixMinuteWalk.Predicted(Sex.Male, dob, new DateOnly(2024, 6, 14), 170m, 70m));
        Assert.Equal(553.5m, SixMinuteWalk.Predicted(Sex.Male, dob, new DateOnly(2024, 6, 15), 170m, 70m).PredictedMetres);
    }

    [Theory]
    [InlineData(39)]
    [InlineData(81)]
    public void AgesOutsideTheDerivationSampleCarryACaveat(int age) =>
        Assert.Contains("40–80", SixMinuteWalk.Predicted(Sex.Female, age, 165m, 60m).Caveat, StringComparison.Ordinal);

    [Theory]
    [InlineData(40)]
    [InlineData(80)]
    public void AgesInsideTheDerivationSampleHaveNoCaveat(int age) =>
        Assert.Null(SixMinuteWalk.Predicted(Sex.Female, age, 165m, 60m).Caveat);

    [Fact]
    public void ANonPositivePredictionIsNotOffered()
    {
        // Man, 120 years, 100 cm, 300 kg: 757 − 602.4 − 528 − 309 = −682.4 m
        var prediction = SixMinuteWalk.Predicted(Sex.Male, 120, 100m, 300m);
        Assert.False(prediction.IsAvailable);
        Assert.NotNull(prediction.NotApplicableReason);
    }

    [Theory]
    [InlineData(17, 170, 70)]
    [InlineData(60, 99, 70)]
    [InlineData(60, 170, 19)]
    [InlineData(60, 251, 70)]
    public void ImplausibleInputsAreRejected(int age, int height, int weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SixMinuteWalk.Predicted(Sex.Female, age, height, weight));
}
