using System.Globalization;
using CsvHelper;

namespace RetroWalk.Web.Features.Exports;

/// <summary>
/// Writes rows as CSV with CsvHelper: UTF-8 with a byte-order mark (spreadsheets then read accents right), RFC 4180
/// quoting, invariant numbers (a dot for decimals), and cells that a spreadsheet would run as a formula escaped.
/// </summary>
public static class CsvTable
{
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = true,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static byte[] Write<T>(IReadOnlyList<ExportColumn<T>> columns, IEnumerable<T> rows)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, Options, leaveOpen: true))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Name);
            }
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in columns)
                {
                    csv.WriteField(Text(column.Value(row)));
                }
                csv.EndRecord();
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The data dictionary: one line per column of each file.</summary>
    public static byte[] Dictionary(IEnumerable<(string File, string Column, string Description)> entries) =>
        Write<(string File, string Column, string Description)>(
            [new("file", "The file the column is in.", e => e.File), new("column", "The column's header.", e => e.Column), new("description", "What the column holds.", e => e.Description)],
            entries);

    private static string? Text(object? value) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        decimal number => number.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
