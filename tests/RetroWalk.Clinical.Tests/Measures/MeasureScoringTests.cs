using RetroWalk.Clinical.Measures;

namespace RetroWalk.Clinical.Tests.Measures;

public class MeasureScoringTests
{
    private static Dictionary<int, int?> Scores(params int[] scores) =>
        scores.Select((s, i) => (Number: i + 1, Score: s)).ToDictionary(x => x.Number, x => (int?)x.Score);

    [Fact]
    public void BergTotalIsSumOfItems()
    {
        var result = MeasureScoring.FromItems("BBS", Scores(4, 4, 4, 4, 3, 3, 3, 2, 2, 2, 2, 2, 2, 1));

        Assert.True(result.IsComplete);
        Assert.Equal(38m, result.Total);
        Assert.Empty(result.MissingItems);
        Assert.Empty(result.Errors);
        Assert.Null(result.MissingMessage);
    }

    [Fact]
    public void BergAllFoursGivesTheMaximumOf56() =>
        Assert.Equal(56m, MeasureScoring.FromItems("BBS", Scores([.. Enumerable.Repeat(4, 14)])).Total);

    [Theory]
    [InlineData("FGA", 10, 3, 30)]
    [InlineData("DGI", 8, 3, 24)]
    [InlineData("MINIBEST", 14, 2, 28)]
    [InlineData("FGA", 10, 0, 0)]
    public void SummedScalesAddTheirItems(string code, int items, int each, int total) =>
        Assert.Equal(total, MeasureScoring.FromItems(code, Scores([.. Enumerable.Repeat(each, items)])).Total);

    [Fact]
    public void AbcScoreIsMeanOfSixteenItems()
    {
        // 8 items at 100 and 8 at 55: (800 + 440) / 16 = 77.5
        var result = MeasureScoring.FromItems("ABC", Scores([.. Enumerable.Repeat(100, 8), .. Enumerable.Repeat(55, 8)]));
        Assert.Equal(77.5m, result.Total);
    }

    [Fact]
    public void AbcMeanIsNotRoundedBeforeDisplay()
    {
        // 15 × 80 + 82 = 1282; 1282 / 16 = 80.125, shown as 80.1
        var result = MeasureScoring.FromItems("ABC", Scores([.. Enumerable.Repeat(80, 15), 82]));
        Assert.Equal(80.125m, result.Total);
        Assert.Equal("80.1%", MeasureCatalogue.ActivitiesBalanceConfidence.WithUnit(result.Total!.Value));
    }

    [Fact]
    public void IncompleteFormGivesNoTotalAndListsMissingItems()
    {
        var scores = Scores([.. Enumerable.Repeat(3, 14)]);
        scores.Remove(3);
        scores.Remove(7);

        var result = MeasureScoring.FromItems("BBS", scores);

        Assert.False(result.IsComplete);
        Assert.Null(result.Total);
        Assert.Equal([3, 7], result.MissingItems);
        Assert.Equal("Items 3 and 7 are not scored.", result.MissingMessage);
    }

    [Fact]
    public void AScoreTheItemDoesNotAllowNeverCountsAsScoredAndTheTotalSaysSo()
    {
        var scores = Scores([.. Enumerable.Repeat(3, 14)]);
        scores[1] = 5;
        var berg = MeasureCatalogue.Get("BBS");

        var result = MeasureScoring.FromItems(berg, scores);

        Assert.False(result.IsComplete);
        Assert.Equal([1], result.RefusedItems);
        Assert.Equal(13, result.AllowedScores(berg));
        Assert.Equal("No total: the score of item 1 is not allowed. 13 of 14 items have an allowed score.", result.TotalText(berg));
        Assert.DoesNotContain("14 of 14", result.TotalText(berg), StringComparison.Ordinal);
    }

    [Fact]
    public void TheTotalTextNamesEveryRefusedItemOrTheMissingOnesOrTheTotal()
    {
        var berg = MeasureCatalogue.Get("BBS");
        var scores = Scores([.. Enumerable.Repeat(3, 14)]);
        scores[3] = 7;
        scores[9] = -1;
        scores[12] = null;

        Assert.Equal("No total: the scores of items 3 and 9 are not allowed. 11 of 14 items have an allowed score.", MeasureScoring.FromItems(berg, scores).TotalText(berg));

        scores[3] = 3;
        scores[9] = 3;
        Assert.Equal("Not complete: 13 of 14 items scored. An incomplete form is saved without a total and is not charted.", MeasureScoring.FromItems(berg, scores).TotalText(berg));

        scores[12] = 3;
        Assert.Equal("42 points (of 56 points)", MeasureScoring.FromItems(berg, scores).TotalText(berg));

        // Text that is not a whole number ("2.5") never reaches the scores; it is refused all the same.
        scores.Remove(4);
        Assert.Equal("No total: the score of item 4 is not allowed. 13 of 14 items have an allowed score.", MeasureScoring.FromItems(berg, scores).TotalText(berg, unreadable: [4]));
    }

    [Fact]
    public void NullScoreCountsAsNotScored()
    {
        var scores = Scores([.. Enumerable.Repeat(2, 10)]);
        scores[10] = null;

        var result = MeasureScoring.FromItems("FGA", scores);

        Assert.Null(result.Total);
        Assert.Equal([10], result.MissingItems);
        Assert.Equal("Item 10 is not scored.", result.MissingMessage);
    }

    [Fact]
    public void EmptyFormListsEveryItemAsMissing() =>
        Assert.Equal(Enumerable.Range(1, 8), MeasureScoring.FromItems("DGI", new Dictionary<int, int?>()).MissingItems);

    [Fact]
    public void BergItem15IsReportedAsAnError()
    {
        var scores = Scores([.. Enumerable.Repeat(4, 14)]);
        scores[15] = 4;

        var result = MeasureScoring.FromItems("BBS", scores);

        Assert.Null(result.Total);
        var error = Assert.Single(result.Errors);
        Assert.Equal(15, error.ItemNumber);
        Assert.Equal("Item 15 is not a Berg Balance Scale item (items are 1–14).", error.Message);
    }

    [Fact]
    public void ScoresNotAllowedForTheItemAreReportedPerItem()
    {
        var scores = Scores([.. Enumerable.Repeat(4, 14)]);
        scores[3] = 5;
        scores[9] = -1;

        var result = MeasureScoring.FromItems("BBS", scores);

        Assert.Null(result.Total);
        Assert.Empty(result.MissingItems);
        Assert.Equal([3, 9], result.Errors.Select(e => e.ItemNumber));
        Assert.Equal("Item 3 (Sitting unsupported): a score of 5 is not allowed; scores are 0–4.", result.Errors[0].Message);
    }

    [Fact]
    public void MiniBestScoreOfThreeIsNotAllowed()
    {
        var scores = Scores([.. Enumerable.Repeat(2, 14)]);
        scores[1] = 3;
        Assert.Equal(1, Assert.Single(MeasureScoring.FromItems("MINIBEST", scores).Errors).ItemNumber);
    }

    [Fact]
    public void AbcItemAbove100IsNotAllowed()
    {
        var scores = Scores([.. Enumerable.Repeat(50, 16)]);
        scores[16] = 101;
        Assert.Equal(16, Assert.Single(MeasureScoring.FromItems("ABC", scores).Errors).ItemNumber);
    }

    [Fact]
    public void NonNullableScoresCanBePassedDirectly()
    {
        var scores = Enumerable.Range(1, 8).ToDictionary(i => i, _ => 2);
        Assert.Equal(16m, MeasureScoring.FromItems("DGI", scores).Total);
    }

    [Fact]
    public void MeasuresWithoutItemsCannotBeScoredFromItems() =>
        Assert.Throws<ArgumentException>(() => MeasureScoring.FromItems("TUG", new Dictionary<int, int?>()));

    [Fact]
    public void GaitSpeedIsDistanceOverTimeAndKeepsBoth()
    {
        var speed = MeasureScoring.GaitSpeed(MeasureScoring.TenMetreFullDistance, 22.2m);

        Assert.Equal(10m, speed.DistanceMetres);
        Assert.Equal(22.2m, speed.TimeSeconds);
        Assert.Equal(10m / 22.2m, speed.MetresPerSecond);
        Assert.Equal("0.45 m/s", MeasureCatalogue.TenMetreWalkComfortable.WithUnit(speed.MetresPerSecond));
    }

    [Fact]
    public void GaitSpeedOverTheMiddleSixMetres()
    {
        // 6 m in 7.5 s = 0.8 m/s
        var speed = MeasureScoring.GaitSpeed(MeasureScoring.TenMetreMiddleDistance, 7.5m);
        Assert.Equal(0.8m, speed.MetresPerSecond);
    }

    [Fact]
    public void BackwardSpeedIsThreeMetresOverTheTime()
    {
        // 3 m in 6.0 s = 0.5 m/s
        var speed = MeasureScoring.BackwardSpeed(6.0m);
        Assert.Equal(3m, speed.DistanceMetres);
        Assert.Equal(6.0m, speed.TimeSeconds);
        Assert.Equal(0.5m, speed.MetresPerSecond);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(10, -1)]
    [InlineData(0, 10)]
    public void GaitSpeedNeedsPositiveDistanceAndTime(int distance, int time) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => MeasureScoring.GaitSpeed(distance, time));
}
