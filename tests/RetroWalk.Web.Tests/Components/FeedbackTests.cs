using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using RetroWalk.Web.Components.Layout;
using RetroWalk.Web.Infrastructure;
using RetroWalk.Web.Tests.Infrastructure;

namespace RetroWalk.Web.Tests.Components;

public sealed class FeedbackTests : ComponentTest
{
    [Fact]
    public void ANewMessageReplacesTheLastInsteadOfStacking()
    {
        var snackbars = Render<MudSnackbarProvider>();
        var feedback = Services.GetRequiredService<Feedback>();

        snackbars.InvokeAsync(() => feedback.Success("Patient saved."));
        snackbars.InvokeAsync(() => feedback.Success("Session saved."));

        snackbars.WaitForAssertion(() =>
        {
            var shown = snackbars.FindAll(".mud-snackbar");
            Assert.Single(shown);
            Assert.Contains("Session saved.", shown[0].TextContent, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void FeedbackDoesNotFollowTheUserToTheNextPage()
    {
        var snackbars = Render<MudSnackbarProvider>();
        Render<SnackbarPolicy>();
        var feedback = Services.GetRequiredService<Feedback>();

        snackbars.InvokeAsync(() => feedback.Success("Patient saved."));
        snackbars.WaitForAssertion(() => Assert.Single(snackbars.FindAll(".mud-snackbar")));

        snackbars.InvokeAsync(() => Services.GetRequiredService<NavigationManager>().NavigateTo("patients"));

        snackbars.WaitForAssertion(() => Assert.Empty(snackbars.FindAll(".mud-snackbar")));
    }

    [Fact]
    public void ASaveThatOpensTheSavedRecordShowsItsMessageOnThatPageOnly()
    {
        var snackbars = Render<MudSnackbarProvider>();
        Render<SnackbarPolicy>();
        var feedback = Services.GetRequiredService<Feedback>();
        var navigation = Services.GetRequiredService<NavigationManager>();

        snackbars.InvokeAsync(() => feedback.SuccessOnNextPage("Patient saved: Łucja Wiśniewska."));
        Assert.Empty(snackbars.FindAll(".mud-snackbar"));

        snackbars.InvokeAsync(() => navigation.NavigateTo("patients/1"));
        snackbars.WaitForAssertion(() => Assert.Contains("Patient saved", snackbars.Find(".mud-snackbar").TextContent, StringComparison.Ordinal));

        snackbars.InvokeAsync(() => navigation.NavigateTo("patients"));
        snackbars.WaitForAssertion(() => Assert.Empty(snackbars.FindAll(".mud-snackbar")));
    }

    [Fact]
    public void AnErrorIsShownAsAnErrorNotAsASuccess()
    {
        var snackbars = Render<MudSnackbarProvider>();
        var feedback = Services.GetRequiredService<Feedback>();
        var service = Services.GetRequiredService<ISnackbar>();

        snackbars.InvokeAsync(() => feedback.Error("The database is not reachable; nothing was saved. Try again."));

        snackbars.WaitForAssertion(() => Assert.Equal(Severity.Error, Assert.Single(service.ShownSnackbars).Severity));
        Assert.Contains("nothing was saved", snackbars.Find(".mud-snackbar").TextContent, StringComparison.Ordinal);
    }
}
