using AngleSharp.Dom;

namespace RetroWalk.Web.Tests.Components;

/// <summary>Reads a form's markup the way a person (or a screen reader) meets it: labels, messages, disabled fields.</summary>
internal static class FormMarkup
{
    /// <summary>The text of the label bound to the input: a label[for] or the label around it.</summary>
    public static string? LabelOf(IElement input)
    {
        var id = input.GetAttribute("id");
        var root = input.Ancestors<IElement>().LastOrDefault() ?? input;
        var label = id is null ? null : root.QuerySelector($"label[for='{id}']");
        return (label ?? input.Closest("label"))?.TextContent.Trim();
    }

    /// <summary>Every input a person can type into or tick (not Mud's hidden helpers).</summary>
    public static IEnumerable<IElement> Inputs(IElement root) =>
        root.QuerySelectorAll("input, select, textarea").Where(e => e.GetAttribute("type") != "hidden");

    /// <summary>The message shown at an input (the element its aria-describedby names that holds an error), or "".</summary>
    public static string MessageAt(IElement input)
    {
        var control = input.Closest(".mud-input-control")!;
        return control.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim() ?? "";
    }

    /// <summary>True when the input cannot take input: disabled itself or inside a disabled fieldset.</summary>
    public static bool IsDisabled(IElement input) =>
        input.HasAttribute("disabled") || input.Ancestors<IElement>().Any(a => a.LocalName == "fieldset" && a.HasAttribute("disabled"));
}
