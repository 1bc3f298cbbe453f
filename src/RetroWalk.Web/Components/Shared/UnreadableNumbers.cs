using Microsoft.AspNetCore.Components.Forms;

namespace RetroWalk.Web.Components.Shared;

/// <summary>
/// The number fields of a form whose typed text could not be read (e.g. "1.2e2"): <see cref="NumberField{TValue}"/>
/// and <see cref="InputField{TValue}"/> mark them and shows why at the field; the form refuses to save while any is marked, so a value the
/// therapist can no longer see is never saved in its place.
/// </summary>
public static class UnreadableNumbers
{
    private static readonly object Key = new();

    public static bool Any(EditContext context) => Fields(context).Count > 0;

    internal static void Mark(EditContext context, string field, bool unreadable)
    {
        if (unreadable)
        {
            Fields(context).Add(field);
        }
        else
        {
            Fields(context).Remove(field);
        }
    }

    private static HashSet<string> Fields(EditContext context)
    {
        if (!context.Properties.TryGetValue(Key, out var fields))
        {
            context.Properties[Key] = fields = new HashSet<string>(StringComparer.Ordinal);
        }
        return (HashSet<string>)fields;
    }
}
