namespace RetroWalk.Reports.Tests;

public class PdfSetupTests
{
    [Fact]
    public void MissingFontFailsWithAMessageNamingTheFileAndThePackage()
    {
        var directory = Path.Combine(Path.GetTempPath(), "retrowalk-no-fonts-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<FileNotFoundException>(() => PdfSetup.ReadFont(directory, "DejaVuSans.ttf"));

        Assert.Contains(Path.Combine(directory, "DejaVuSans.ttf"), error.Message);
        Assert.Contains("fonts-dejavu-core", error.Message);
    }

    [Fact]
    public void SetupIsIdempotentAndRefusesAnotherFontDirectoryLater()
    {
        PdfSetup.EnsureInitialised();
        PdfSetup.EnsureInitialised(PdfSetup.DefaultFontDirectory);

        Assert.Equal(PdfSetup.DefaultFontDirectory, PdfSetup.FontDirectory);
        var error = Assert.Throws<InvalidOperationException>(() => PdfSetup.EnsureInitialised("/elsewhere/fonts"));
        Assert.Contains("only once per process", error.Message);
    }

    [Fact]
    public void ConcurrentSetupCallsAllSucceed()
    {
        Parallel.For(0, 16, _ => PdfSetup.EnsureInitialised());

        Assert.NotNull(PdfSetup.FontDirectory);
    }

    [Theory]
    [InlineData("DejaVuSans.ttf")]
    [InlineData("DejaVuSans-Bold.ttf")]
    public void FlatteningLeavesNoNestedCompositesToFlatten(string fileName)
    {
        var original = PdfSetup.ReadFont(PdfSetup.DefaultFontDirectory, fileName);

        var flattened = CompositeGlyphFlattener.Flatten(original);

        Assert.NotSame(original, flattened);
        // A second pass finds nothing left to inline and hands back the very same bytes.
        Assert.Same(flattened, CompositeGlyphFlattener.Flatten(flattened));
    }
}
