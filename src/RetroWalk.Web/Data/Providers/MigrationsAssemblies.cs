using System.Reflection;
using System.Runtime.Loader;

namespace RetroWalk.Web.Data.Providers;

/// <summary>
/// Finds the migrations assemblies beside the app. The app cannot reference them (they reference it for
/// <see cref="RetroWalkDbContext"/>), so their build copies them into the app's folder and publishing
/// takes them along (see src/RetroWalk.Migrations.targets). The runtime resolves by name only what the app's
/// dependency manifest lists, so these are resolved here from the app's folder when that lookup fails.
/// Where a migrations project is referenced (the tests), the ordinary lookup finds it first.
/// </summary>
internal static class MigrationsAssemblies
{
    private static int resolving;

    public static void ResolveFromAppFolder()
    {
        if (Interlocked.Exchange(ref resolving, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    /// <summary>Loads the provider's migrations, or explains how to get them.</summary>
    public static Assembly Load(DatabaseProvider provider)
    {
        ResolveFromAppFolder();
        try
        {
            return Assembly.Load(new AssemblyName(provider.MigrationsAssembly));
        }
        catch (FileNotFoundException ex)
        {
            throw new InvalidOperationException(
                $"The {provider.Name} migrations ({provider.MigrationsAssembly}.dll) are not beside the app in {AppContext.BaseDirectory}. " +
                "Build the solution (dotnet build RetroWalk.sln) or scripts/run.sh, which builds them.", ex);
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name)
    {
        if (!DatabaseProvider.All.Any(p => p.MigrationsAssembly == name.Name))
        {
            return null;
        }
        var path = Path.Combine(AppContext.BaseDirectory, name.Name + ".dll");
        return File.Exists(path) ? context.LoadFromAssemblyPath(path) : null;
    }
}
