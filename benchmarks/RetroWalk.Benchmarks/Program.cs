using BenchmarkDotNet.Running;
using RetroWalk.Benchmarks;

if (args.Contains("--quick"))
{
    QuickRun.Run(args);
    return;
}
if (args.Contains("--sample"))
{
    SampleOutput.Write(args);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(RenderBenchmarks).Assembly).Run(args);
