using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using RetroWalk.Web.Features.Assessments;
using RetroWalk.Web.Features.Reports;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Integration;

/// <summary>
/// The first HTML of every page with a server-paged list, as the browser shows it before the page turns interactive
/// and the list asks for its first page: it says the list is loading, never that the clinic has nothing in it.
/// </summary>
public sealed class PrerenderedListTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListsWithRecordsSayTheyAreLoadingNotThatTheyAreEmpty()
    {
        var clinic = await app.CreateClinicAsync();
        Guid patientId;
        await using (var therapist = app.ScopeFor(clinic))
        {
            patientId = await ReportData.PatientOnChronicStrokeProgrammeAsync(therapist.ServiceProvider, "PRE-1", "Siobhán", "Ó Briain");
            var report = await therapist.ServiceProvider.GetRequiredService<ReportService>()
                .CreateAsync(patientId, new ReportInput { From = TestClock.Today.AddDays(-30), To = TestClock.Today }, Token);
            Assert.True(report.Succeeded);
            var assessment = await therapist.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(patientId,
                AssessmentData.Assessment(TestClock.Today, AssessmentTimePoint.Baseline, AssessmentData.Tug(14.2m)), Token);
            Assert.True(assessment.Succeeded);
        }
        using var client = app.CreateBrowserlikeClient();
        await RetroWalkApp.SignInAsync(client, clinic.TherapistEmail, clinic.Password);

        (string Url, string Empty, string Loading)[] lists =
        [
            ($"/patients/{patientId}", "No reports yet.", "Loading reports…"),
            ("/patients", "No patients yet", "Loading patients…"),
            ("/protocols", "No protocols yet", "Loading protocols…"),
            ($"/patients/{patientId}/assessments", "No assessments recorded yet.", "Loading assessments…"),
        ];
        var parser = new HtmlParser();
        foreach (var (url, empty, loading) in lists)
        {
            var html = await client.GetStringAsync(url, Token);
            var document = await parser.ParseDocumentAsync(html, Token);
            Assert.DoesNotContain(empty, document.Body!.TextContent, StringComparison.Ordinal);
            Assert.Equal(loading, Assert.Single(document.QuerySelectorAll("[data-testid=list-loading]")).TextContent);
            // The pager's "0–0 of 0" is there, hidden until the first page has come back.
            var pager = Assert.Single(document.QuerySelectorAll(".mud-table-pagination-toolbar"));
            Assert.Contains(" of 0", pager.TextContent, StringComparison.Ordinal);
            Assert.NotNull(pager.Closest("[hidden]"));
        }
    }
}
