using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace RetroWalk.Web.Components.Shared;

/// <summary>
/// MudDatePicker that, once it has read a typed date ("2 Apr 1958"), shows it the way the clinic writes dates
/// ("Wed 2 Apr 1958"), so the box never keeps a form the rest of the app does not use. See <see cref="DateField"/>.
/// </summary>
public sealed class ConventionDatePicker : MudDatePicker
{
    /// <summary>The typed text rewritten in the clinic's convention, or null when it is not a date.</summary>
    [Parameter, EditorRequired]
    public Func<string?, string?> Rewrite { get; set; } = _ => null;

    protected override async Task StringValueChangedAsync(string? value)
    {
        await base.StringValueChangedAsync(value);
        if (Rewrite(value) is { } written && written != value)
        {
            await SetTextAsync(written, callback: false);
        }
    }
}
