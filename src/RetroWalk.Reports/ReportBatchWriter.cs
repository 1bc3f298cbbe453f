using System.IO.Compression;

namespace RetroWalk.Reports;

/// <summary>One report of a batch and the name of its file in the ZIP archive.</summary>
public sealed record ReportBatchItem(string EntryName, ProgressReport Report, ReportOptions? Options = null);

/// <summary>
/// Writes many reports into one ZIP archive, one PDF entry each. Reports are rendered one at a
/// time into a reused buffer, so memory stays flat however long the batch; cancellation is
/// checked between reports and progress is reported after each.
/// </summary>
public sealed class ReportBatchWriter(IProgressReportRenderer renderer)
{
    /// <summary>Writes the reports to <paramref name="output"/> as a ZIP archive (left open).</summary>
    /// <param name="progress">Receives the number of reports written so far, after each report.</param>
    /// <exception cref="ArgumentException">An entry name is empty, leaves the archive root, or is repeated.</exception>
    public void Write(IEnumerable<ReportBatchItem> items, Stream output, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);

        using var batch = new Batch(renderer);
        using var archive = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var name = batch.Render(item);
            using (var entry = archive.CreateEntry(name, CompressionLevel.NoCompression).Open())
            {
                entry.Write(batch.Pdf);
            }
            progress?.Report(batch.Written);
        }
    }

    /// <summary>
    /// Like <see cref="Write"/>, with asynchronous writes to <paramref name="output"/> (an HTTP
    /// response body, for instance). Rendering itself is CPU work and runs synchronously.
    /// </summary>
    public async Task WriteAsync(IEnumerable<ReportBatchItem> items, Stream output, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(output);

        using var batch = new Batch(renderer);
        var archive = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken).ConfigureAwait(false);
        await using (archive.ConfigureAwait(false))
        {
            foreach (var item in items)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var name = batch.Render(item);
                var entry = await archive.CreateEntry(name, CompressionLevel.NoCompression).OpenAsync(cancellationToken).ConfigureAwait(false);
                await using (entry.ConfigureAwait(false))
                {
                    await entry.WriteAsync(batch.PdfMemory, cancellationToken).ConfigureAwait(false);
                }
                progress?.Report(batch.Written);
            }
        }
    }

    /// <summary>State of one batch: the reused render buffer and the entry names seen so far.</summary>
    private sealed class Batch(IProgressReportRenderer renderer) : IDisposable
    {
        private readonly MemoryStream buffer = new(64 * 1024);
        private readonly HashSet<string> names = new(StringComparer.OrdinalIgnoreCase);

        public int Written { get; private set; }

        public void Dispose() => buffer.Dispose();

        public ReadOnlySpan<byte> Pdf => buffer.GetBuffer().AsSpan(0, (int)buffer.Length);

        public ReadOnlyMemory<byte> PdfMemory => buffer.GetBuffer().AsMemory(0, (int)buffer.Length);

        /// <summary>Renders the item's report into the buffer and returns its checked entry name.</summary>
        public string Render(ReportBatchItem item)
        {
            ArgumentNullException.ThrowIfNull(item);
            var name = CheckedEntryName(item.EntryName);
            if (!names.Add(name))
            {
                throw new ArgumentException($"The entry name '{name}' is used twice in the batch.", nameof(item));
            }
            buffer.SetLength(0);
            renderer.Render(item.Report, item.Options, buffer);
            Written++;
            return name;
        }

        private static string CheckedEntryName(string? entryName)
        {
            if (string.IsNullOrWhiteSpace(entryName))
            {
                throw new ArgumentException("Every report in a batch needs an entry name.", nameof(entryName));
            }
            var name = entryName.Replace('\\', '/');
            if (name.StartsWith('/') || name.Split('/').Any(part => part is "" or "." or ".."))
            {
                throw new ArgumentException($"The entry name '{entryName}' must be a relative path inside the archive.", nameof(entryName));
            }
            return name;
        }
    }
}
