using Bunit;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Infrastructure.Jobs;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class BatchProgressTests : ComponentTest
{
    private static readonly DateTimeOffset Started = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private IRenderedComponent<BatchProgress> RenderProgress(JobStatus status) => Render<BatchProgress>(p => p.Add(x => x.Status, status));

    [Fact]
    public void TheProgressBarHasAnAccessibleNameAndSaysHowFarTheBatchIs()
    {
        var panel = RenderProgress(new JobStatus(Guid.NewGuid(), "report-batch", JobState.Running, 10, 25, "10 of 25 reports made.", Started, null));

        var bar = panel.Find("[role=progressbar]");
        Assert.Equal("Batch progress", bar.GetAttribute("aria-label"));
        Assert.Equal("40", bar.GetAttribute("aria-valuenow"));
        Assert.Equal("40 %: 10 of 25 reports made.", bar.GetAttribute("aria-valuetext"));
        Assert.Equal("10 of 25 reports made.", panel.Find("[role=status]").TextContent.Trim());
        Assert.Contains(panel.FindAll("button"), b => b.TextContent.Trim() == "Cancel batch");
        Assert.Empty(panel.FindAll("[data-testid=batch-download]"));
    }

    [Fact]
    public void AFinishedBatchOffersItsZipInsteadOfCancelling()
    {
        var id = Guid.NewGuid();
        var panel = RenderProgress(new JobStatus(id, "report-batch", JobState.Completed, 25, 25, "25 reports ready.", Started, Started.AddDays(7)));

        Assert.Equal("100", panel.Find("[role=progressbar]").GetAttribute("aria-valuenow"));
        Assert.Equal($"reports/batches/{id}/zip", panel.Find("[data-testid=batch-download]").GetAttribute("href"));
        Assert.DoesNotContain(panel.FindAll("button"), b => b.TextContent.Trim() == "Cancel batch");
    }
}
