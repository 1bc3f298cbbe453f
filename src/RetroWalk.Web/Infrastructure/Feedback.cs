using MudBlazor;

namespace RetroWalk.Web.Infrastructure;

/// <summary>
/// The one way pages give short feedback after an action. One message at a time: a new one replaces the
/// last, and <see cref="Components.Layout.SnackbarPolicy"/> clears it when the user moves to another page.
/// Messages appear over the app bar (see AddRetroWalkWeb), never over a form's fields.
/// </summary>
public sealed class Feedback(ISnackbar snackbar)
{
    private string? forNextPage;

    public void Success(string message) => Show(message, Severity.Success);

    public void Info(string message) => Show(message, Severity.Info);

    public void Warning(string message) => Show(message, Severity.Warning);

    public void Error(string message) => Show(message, Severity.Error);

    public void Clear() => snackbar.Clear();

    /// <summary>
    /// A success that belongs to the page the action opens (save a patient, then show the patient): shown when
    /// the user arrives there, instead of being cleared with the page it was raised on.
    /// </summary>
    public void SuccessOnNextPage(string message) => forNextPage = message;

    /// <summary>The user moved to another page: the last page's message goes, and one meant for this page appears.</summary>
    public void PageChanged()
    {
        snackbar.Clear();
        if (forNextPage is { } message)
        {
            forNextPage = null;
            Success(message);
        }
    }

    private void Show(string message, Severity severity)
    {
        snackbar.Clear();
        snackbar.Add(message, severity, options =>
        {
            // Errors stay until dismissed: the user has to act on them.
            options.RequireInteraction = severity == Severity.Error;
        });
    }
}
