using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace RetroWalk.Web.Tests.Infrastructure;

/// <summary>Reads a QR code out of an image with zbarimg (Debian's zbar-tools, installed by scripts/test.sh), as a phone would.</summary>
public static partial class QrDecoder
{
    /// <summary>The text of the one QR code in a PNG (a screenshot).</summary>
    public static string DecodePng(byte[] png) => Decode(png, "png");

    /// <summary>
    /// The text of the one QR code drawn by an SVG of dark runs ("M4 4h7v1h-7z" in a path, one module per unit of its
    /// viewBox): the SVG is drawn into a bitmap here, four pixels a module, and the bitmap read by zbarimg.
    /// </summary>
    public static string DecodeSvg(string svg)
    {
        var box = ViewBox().Match(svg);
        Assert.True(box.Success, "The SVG has no viewBox.");
        var size = int.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture);
        var dark = new bool[size, size];
        var runs = Run().Matches(svg);
        Assert.NotEmpty(runs);
        foreach (Match run in runs)
        {
            var (x, y, width) = (Number(run, 1), Number(run, 2), Number(run, 3));
            for (var i = x; i < x + width; i++)
            {
                dark[y, i] = true;
            }
        }

        const int Scale = 4;
        var bitmap = new StringBuilder($"P1\n{size * Scale} {size * Scale}\n");
        for (var row = 0; row < size * Scale; row++)
        {
            for (var column = 0; column < size * Scale; column++)
            {
                bitmap.Append(dark[row / Scale, column / Scale] ? '1' : '0');
            }
            bitmap.Append('\n');
        }
        return Decode(Encoding.ASCII.GetBytes(bitmap.ToString()), "pbm");
    }

    private static int Number(Match match, int group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static string Decode(byte[] image, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"qr-{Guid.NewGuid():N}.{extension}");
        File.WriteAllBytes(file, image);
        try
        {
            using var zbar = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "--quiet", "-Sdisable", "-Sqrcode.enable", file])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            }) ?? throw new InvalidOperationException("zbarimg did not start.");
            var output = zbar.StandardOutput.ReadToEnd();
            var errors = zbar.StandardError.ReadToEnd();
            zbar.WaitForExit();
            return zbar.ExitCode == 0
                ? output.TrimEnd('\n')
                : throw new InvalidOperationException($"zbarimg found no QR code (exit {zbar.ExitCode}): {errors}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\1\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex(@"M(\d+) (\d+)h(\d+)v1h-\3z")]
    private static partial Regex Run();
}
