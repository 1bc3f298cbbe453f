using RetroWalk.Web.Features.Patients;
using RetroWalk.Web.Infrastructure;

namespace RetroWalk.Web.Tests.Unit;

public sealed class FieldTextTests
{
    [Fact]
    public void TextIsStoredComposedAndTrimmed() =>
        Assert.Equal("Łucja", FieldText.Clean("  Łucja\u00a0 ".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("Ana\0Maria", "invisible control character (U+0000)")]
    [InlineData("Ana\u0007", "invisible control character (U+0007)")]
    [InlineData("Ana\nMaria", "must be on one line")]
    [InlineData("Ana\r\nMaria", "must be on one line")]
    [InlineData("Ana\u2028Maria", "must be on one line")]
    [InlineData("Ana\tMaria", "invisible control character (U+0009)")]
    [InlineData("\u202Eairam", "text-direction character (U+202E)")]
    [InlineData("Ana\u2066x\u2069", "text-direction character (U+2066)")]
    public void ControlLineBreakAndDirectionCharactersAreRefusedInANameWithTheReason(string name, string reason) =>
        Assert.Contains(reason, FieldText.Problem(name, "The given name", 100), StringComparison.Ordinal);

    [Fact]
    public void ALoneSurrogateOrANoncharacterIsRefusedWithoutCleaningFailing()
    {
        // In code, not as theory data: the test runner would replace a lone surrogate before the test saw it.
        string[] names = ["Ana\ud800", "Ana\udc00x", "Ana\uFFFE", "Ana\uFDD0"];
        Assert.All(names, name =>
            Assert.Contains("cannot be stored", FieldText.Problem(FieldText.Clean(name), "The given name", 100), StringComparison.Ordinal));
    }

    [Fact]
    public void AQueryWithALoneSurrogateOrANoncharacterIsStillAQuery() =>
        Assert.Equal("Ana x", FieldText.ForQuery("Ana\ud800x\uFFFE"));

    [Fact]
    public void NotesMayHaveLineBreaksAndTabsButNotNul()
    {
        Assert.Null(FieldText.Problem("Line one\r\nLine two\tindented", "The plan", 4000, multiline: true));
        Assert.Contains("U+0000", FieldText.Problem("Plan\0", "The plan", 4000, multiline: true), StringComparison.Ordinal);
        Assert.Contains("U+202E", FieldText.Problem("Plan \u202E", "The plan", 4000, multiline: true), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Zoë")]
    [InlineData("Παπαδόπουλος")]
    [InlineData("محمد")]
    [InlineData("שרה")]
    [InlineData("李小龍")]
    [InlineData("Nguyễn")]
    [InlineData("O'Brien-Smith")]
    [InlineData("👩‍⚕️")]
    [InlineData("\u200Dnon-joiner\u200C")] // zero-width joiners are part of some scripts' spelling
    public void OrdinaryNamesInAnyScriptAreAccepted(string name) => Assert.Null(FieldText.Problem(name, "The given name", 100));

    [Fact]
    public void LengthIsCountedInTextElementsAsPeopleCountThem()
    {
        var sixtyEmoji = string.Concat(Enumerable.Repeat("😀", 60));
        Assert.Equal(120, sixtyEmoji.Length);
        Assert.Equal(60, FieldText.Length(sixtyEmoji));
        Assert.Null(FieldText.Problem(sixtyEmoji, "The given name", 100));
        Assert.Equal(1, FieldText.Length("👩‍⚕️"));
        Assert.Equal(1, FieldText.Length("e\u0301"));
        Assert.Equal("The given name can have at most 100 characters; it has 101.",
            FieldText.Problem(new string('a', 101), "The given name", 100));
    }

    [Fact]
    public void ATextWhoseElementsCarryTooMuchToStoreIsRefused()
    {
        var stacked = string.Concat(Enumerable.Repeat("a" + new string('\u0301', 30), 20)); // 20 elements, 620 units
        Assert.Equal(20, FieldText.Length(stacked));
        Assert.Contains("too many accents", FieldText.Problem(stacked, "The given name", 100), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("RW-1001")]
    [InlineData("rw-1001")]
    [InlineData("RW-1001\u200B")]
    [InlineData("\uFEFFRW-10\u00AD01")]
    [InlineData(" RW-1001 ")]
    [InlineData("ＲＷ－１００１")]
    [InlineData("RW - 1001")]
    public void RecordNumbersThatReadTheSameShareOneKey(string typed) => Assert.Equal("RW-1001", FieldText.RecordNumberKey(typed));

    [Fact]
    public void DifferentRecordNumbersKeepDifferentKeys() => Assert.NotEqual(FieldText.RecordNumberKey("RW-1001"), FieldText.RecordNumberKey("RW-1010"));

    [Fact]
    public void ARecordNumberIsStoredWithoutInvisibleFormatCharacters() =>
        Assert.Equal("rw-1001", FieldText.CleanRecordNumber(" rw-10\u200B01\uFEFF "));

    [Fact]
    public void TextForAQueryLosesNulAndControlCharacters() =>
        Assert.Equal("wis niew ska", FieldText.ForQuery("wis\0niew\u202Eska\u0007"));

    [Theory]
    [InlineData("120", 120)]
    [InlineData(" 1.5 ", 1.5)]
    [InlineData("-3", -3)]
    [InlineData("+4", 4)]
    [InlineData("0.25", 0.25)]
    public void PlainDigitsAreRead(string text, double expected)
    {
        var reading = FieldText.ReadNumber(text);
        Assert.True(reading.IsReadable);
        Assert.Equal((decimal)expected, reading.Value);
    }

    [Theory]
    [InlineData("1.2e2", "exponent notation")]
    [InlineData("1E3", "exponent notation")]
    [InlineData("1,5", "point for decimals")]
    [InlineData("1,000", "thousands separators")]
    [InlineData("12.", "in digits")]
    [InlineData(".5", "in digits")]
    [InlineData("1.2.3", "in digits")]
    [InlineData("--1", "in digits")]
    [InlineData("Infinity", "in digits")]
    [InlineData("0x10", "in digits")]
    public void OtherNumberNotationsAreRefusedWithTheReason(string text, string reason)
    {
        var reading = FieldText.ReadNumber(text);
        Assert.Null(reading.Value);
        Assert.Contains(reason, reading.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheExponentMessageShowsThePlainNumber() =>
        Assert.Equal("Type the number in plain digits (e.g. 120), not in exponent notation.", FieldText.ReadNumber("1.2e2").Problem);

    [Fact]
    public void EmptyTextIsNoNumberAndNoProblem() => Assert.Equal(new NumberReading(null, null), FieldText.ReadNumber("  "));

    [Fact]
    public void MoreDecimalsThanAreStoredAreRefused()
    {
        Assert.Contains("one decimal place", FieldText.PrecisionProblem(170.26m, 1, "Height", "170.3"), StringComparison.Ordinal);
        Assert.Null(FieldText.PrecisionProblem(170.3m, 1, "Height", "170.3"));
        Assert.Null(FieldText.PrecisionProblem(170.30m, 1, "Height", "170.3"));
        Assert.Null(FieldText.PrecisionProblem(null, 1, "Height", "170.3"));
    }

    [Fact]
    public void FoldingAnyCharacterAtMostTriplesItSoTheSearchColumnHoldsTheLongestNames()
    {
        for (var c = 0; c <= 0x10FFFF; c++)
        {
            if (c is >= 0xD800 and <= 0xDFFF || FieldText.Problem(char.ConvertFromUtf32(c), "x", 1) is { } problem && problem.Contains("cannot be stored", StringComparison.Ordinal))
            {
                continue;
            }
            var text = char.ConvertFromUtf32(c);
            Assert.True(SearchText.Fold(text).Length <= SearchText.MaxGrowth * text.Length, $"U+{c:X4} folds to more than {SearchText.MaxGrowth} times its length.");
        }
        var longest = Patient.SearchTextOf(new string('ß', PatientInput.NameMaxLength), new string('ß', PatientInput.NameMaxLength), new string('ß', PatientInput.RecordNumberMaxLength));
        Assert.True(longest.Length <= Patient.SearchTextMaxLength);
    }
}
