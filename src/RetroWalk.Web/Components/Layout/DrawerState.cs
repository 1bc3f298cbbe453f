namespace RetroWalk.Web.Components.Layout;

/// <summary>
/// Whether the navigation drawer is open, shared by the layout's menu button and <see cref="AppDrawer"/>. Not a
/// component: a click handled here re-renders nothing by itself; only the drawer, which listens, renders again.
/// Before, the layout held the state, and each click on the menu button rendered the whole layout again, the page's
/// frame included.
/// </summary>
public sealed class DrawerState
{
    public bool Open { get; private set; } = true;

    /// <summary>Raised when <see cref="Open"/> changes.</summary>
    public event Action? Changed;

    public void Toggle() => Set(!Open);

    public void Set(bool open)
    {
        if (open != Open)
        {
            Open = open;
            Changed?.Invoke();
        }
    }
}
