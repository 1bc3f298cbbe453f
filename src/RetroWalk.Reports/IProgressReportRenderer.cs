namespace RetroWalk.Reports;

/// <summary>Turns a progress report model into a PDF.</summary>
public interface IProgressReportRenderer
{
    /// <summary>Renders the report and returns the PDF bytes.</summary>
    byte[] Render(ProgressReport report, ReportOptions? options = null);

    /// <summary>Renders the report and writes the PDF to <paramref name="output"/> (left open).</summary>
    void Render(ProgressReport report, ReportOptions? options, Stream output);
}
