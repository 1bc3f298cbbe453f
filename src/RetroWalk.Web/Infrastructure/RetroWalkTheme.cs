using MudBlazor;

namespace RetroWalk.Web.Infrastructure;

/// <summary>The app's palette and type, shared by every page through the layout's theme provider.</summary>
public static class RetroWalkTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f4bb8",
            PrimaryDarken = "#233a93",
            PrimaryLighten = "#4a63c9",
            Secondary = "#3d5a80",
            Tertiary = "#00796b",
            Info = "#1565c0",
            Success = "#2e7d32",
            Warning = "#a15c00",
            Error = "#b3261e",
            AppbarBackground = "#2f4bb8",
            Background = "#f4f6fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2430",
            TextSecondary = "#5b6272",
            LinesDefault = "#d5d9e2",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Roboto", "DejaVu Sans", "Helvetica Neue", "Arial", "sans-serif"],
            },
        },
        LayoutProperties = new LayoutProperties
        {
            DefaultBorderRadius = "6px",
        },
    };
}
