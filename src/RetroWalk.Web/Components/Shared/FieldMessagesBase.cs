using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;

namespace RetroWalk.Web.Components.Shared;

/// <summary>
/// A field that shows the messages its form holds under a key (<see cref="For"/>): a model property's name, or a
/// path such as "Outcomes[0].Week" that no input expression can name. It re-renders when the messages change.
/// </summary>
public abstract class FieldMessagesBase : ComponentBase, IDisposable
{
    private EditContext? subscribed;

    [CascadingParameter]
    protected EditContext? EditContext { get; set; }

    /// <summary>The key of the field's messages in the form.</summary>
    [Parameter, EditorRequired]
    public string For { get; set; } = "";

    protected IEnumerable<string> Messages => EditContext is null ? [] : EditContext.GetValidationMessages(Field(EditContext));

    protected string? Message => Messages.FirstOrDefault();

    /// <summary>Tells the form this field changed, so its messages from the last save go.</summary>
    protected void NotifyChanged() => EditContext?.NotifyFieldChanged(Field(EditContext));

    /// <summary>The field in the form whose messages these are: by default the one named <see cref="For"/>.</summary>
    protected virtual FieldIdentifier Field(EditContext context) => context.Field(For);

    protected override void OnParametersSet()
    {
        if (!ReferenceEquals(subscribed, EditContext))
        {
            Unsubscribe();
            subscribed = EditContext;
            if (subscribed is not null)
            {
                subscribed.OnValidationStateChanged += ValidationStateChanged;
            }
        }
    }

    private void ValidationStateChanged(object? sender, ValidationStateChangedEventArgs e) => StateHasChanged();

    private void Unsubscribe()
    {
        if (subscribed is not null)
        {
            subscribed.OnValidationStateChanged -= ValidationStateChanged;
        }
    }

    public void Dispose()
    {
        Unsubscribe();
        GC.SuppressFinalize(this);
    }
}
