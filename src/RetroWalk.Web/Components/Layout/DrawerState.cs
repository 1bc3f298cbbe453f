namespace RetroWalk.Web.Components.Layout;

/// <summary>
/// Whether the menu button has flipped the navigation drawer from how the screen shows it by default (beside the page
/// on a wide screen, hidden on a narrow one; app.css). Shared by the menu button and <see cref="AppDrawer"/>. Not a
/// component: a click handled here re-renders nothing by itself; only the drawer, which listens, renders again.
/// </summary>
public sealed class DrawerState
{
    public bool Toggled { get; private set; }

    /// <summary>Raised when <see cref="Toggled"/> changes.</summary>
    public event Action? Changed;

    public void Toggle()
    {
        Toggled = !Toggled;
        Changed?.Invoke();
    }
}
