using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RetroWalk.Reports.Tests;

/// <summary>Reads rendered PDFs with poppler-utils (pdftotext, pdfinfo, pdffonts), as a person or a PDF reader would.</summary>
internal static partial class Poppler
{
    /// <summary>The text of every page, laid out as on the page (pdftotext -layout).</summary>
    public static string[] Pages(byte[] pdf)
    {
        var text = Run("pdftotext", pdf, "-layout", "-enc", "UTF-8", "{file}", "-");
        var pages = text.Split('\f');
        // pdftotext ends every page with a form feed, so the last piece is empty.
        return pages.Length > 1 && pages[^1].Trim().Length == 0 ? pages[..^1] : pages;
    }

    public static string Text(byte[] pdf) => string.Join("\f", Pages(pdf));

    /// <summary>
    /// The text in the order it was drawn (pdftotext -raw): a table cell's wrapped lines follow each other,
    /// so after <see cref="Squeeze"/> a phrase split across lines of one cell reads whole.
    /// </summary>
    public static string RawText(byte[] pdf) => Run("pdftotext", pdf, "-raw", "-enc", "UTF-8", "{file}", "-");

    /// <summary>
    /// The report's body and its References section, split at the References heading, with every run of
    /// white space (line breaks included) made one space. The section is empty when the report has none.
    /// </summary>
    public static (string Body, string References) BodyAndReferences(byte[] pdf)
    {
        var text = AnySpace().Replace(RawText(pdf), " ");
        var heading = text.LastIndexOf(" References ", StringComparison.Ordinal);
        return heading < 0 ? (text, "") : (text[..heading], text[heading..]);
    }

    public static int PageCount(byte[] pdf) =>
        int.Parse(PagesLine().Match(Run("pdfinfo", pdf, "{file}")).Groups[1].Value, CultureInfo.InvariantCulture);

    /// <summary>The size line of every page, e.g. "595 x 842 pts (A4)".</summary>
    public static List<string> PageSizes(byte[] pdf) =>
        PageSizeLine().Matches(Run("pdfinfo", pdf, "-f", "1", "-l", "9999", "{file}")).Select(m => m.Groups[1].Value.Trim()).ToList();

    public static string Fonts(byte[] pdf) => Run("pdffonts", pdf, "{file}");

    /// <summary>Every word with its box in points from the top left of its page.</summary>
    public static List<(int Page, string Word, double XMin, double YMin, double XMax, double YMax, double PageWidth, double PageHeight)> WordBoxes(byte[] pdf)
    {
        var html = Run("pdftotext", pdf, "-bbox", "-enc", "UTF-8", "{file}", "-");
        var words = new List<(int, string, double, double, double, double, double, double)>();
        var page = 0;
        double width = 0, height = 0;
        foreach (var line in html.Split('\n'))
        {
            var pageMatch = PageBox().Match(line);
            if (pageMatch.Success)
            {
                page++;
                width = Number(pageMatch.Groups[1].Value);
                height = Number(pageMatch.Groups[2].Value);
                continue;
            }
            var word = WordBox().Match(line);
            if (word.Success)
            {
                words.Add((page, word.Groups[5].Value, Number(word.Groups[1].Value), Number(word.Groups[2].Value),
                    Number(word.Groups[3].Value), Number(word.Groups[4].Value), width, height));
            }
        }
        return words;
    }

    /// <summary>Renders one page to grey levels (0 black, 255 white) with pdftoppm.</summary>
    public static (int Width, int Height, byte[] Pixels) Rasterize(byte[] pdf, int page, int dpi)
    {
        var pgm = RunBinary("pdftoppm", pdf, "-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture),
            "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), "{file}");
        var (width, height, start) = Header(pgm);
        return (width, height, pgm[start..(start + (width * height))]);
    }

    /// <summary>Renders one page in colour with pdftoppm: three bytes (red, green, blue) per pixel, row by row.</summary>
    public static (int Width, int Height, byte[] Pixels) RasterizeColour(byte[] pdf, int page, int dpi)
    {
        var ppm = RunBinary("pdftoppm", pdf, "-r", dpi.ToString(CultureInfo.InvariantCulture),
            "-f", page.ToString(CultureInfo.InvariantCulture), "-l", page.ToString(CultureInfo.InvariantCulture), "{file}");
        var (width, height, start) = Header(ppm);
        return (width, height, ppm[start..(start + (width * height * 3))]);
    }

    /// <summary>Width, height and where the pixels start in a binary PGM or PPM ("P5"/"P6", width, height, max value).</summary>
    private static (int Width, int Height, int Start) Header(byte[] image)
    {
        var fields = new List<string>();
        var position = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)image[position]))
            {
                position++;
            }
            var start = position;
            while (!char.IsWhiteSpace((char)image[position]))
            {
                position++;
            }
            fields.Add(Encoding.ASCII.GetString(image, start, position - start));
        }
        return (int.Parse(fields[1], CultureInfo.InvariantCulture), int.Parse(fields[2], CultureInfo.InvariantCulture), position + 1);
    }

    /// <summary>Collapses runs of spaces so phrases can be found in -layout output.</summary>
    public static string Squeeze(string text) => Spaces().Replace(text, " ");

    private static double Number(string value) => double.Parse(value, CultureInfo.InvariantCulture);

    private static string Run(string tool, byte[] pdf, params string[] arguments) =>
        Encoding.UTF8.GetString(RunBinary(tool, pdf, arguments));

    private static byte[] RunBinary(string tool, byte[] pdf, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"retrowalk-test-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(file, pdf);
        try
        {
            var start = new ProcessStartInfo(tool)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument == "{file}" ? file : argument);
            }

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {tool}.");
            }
            catch (Win32Exception e)
            {
                throw new InvalidOperationException(
                    $"'{tool}' was not found. These tests read real PDFs with poppler-utils: apt-get install -y poppler-utils", e);
            }

            using (process)
            {
                var error = process.StandardError.ReadToEndAsync();
                using var output = new MemoryStream();
                process.StandardOutput.BaseStream.CopyTo(output);
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException($"{tool} failed with exit code {process.ExitCode}: {error.Result}");
                }
                return output.ToArray();
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"^Page\s+\d+\s+size:\s+(.+)$", RegexOptions.Multiline)]
    private static partial Regex PageSizeLine();

    [GeneratedRegex(@"<page width=""([\d.]+)"" height=""([\d.]+)"">")]
    private static partial Regex PageBox();

    [GeneratedRegex(@"<word xMin=""([\d.-]+)"" yMin=""([\d.-]+)"" xMax=""([\d.-]+)"" yMax=""([\d.-]+)"">(.*)</word>")]
    private static partial Regex WordBox();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\s+")]
    private static partial Regex AnySpace();
}
