using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("RetroWalk.Reports.Tests")]
