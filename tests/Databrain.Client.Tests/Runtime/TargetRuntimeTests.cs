using System.Runtime.InteropServices;
using Xunit.Abstractions;

namespace Databrain.Client.Tests.Runtime;

/// <summary>
/// Each target's tests run on that target's own runtime: net10.0 on .NET 10, net8.0 on .NET 8 (self-contained),
/// net472 on .NET Framework (Mono on Linux). The runtime is written to the test's output, where .ci/run reads it
/// from the results to prove which runtime each leg ran on.
/// </summary>
public sealed class TargetRuntimeTests(ITestOutputHelper output)
{
    [Fact]
    public void TheTestsRunOnTheRuntimeOfTheirTarget()
    {
        output.WriteLine("runtime: " + RuntimeInformation.FrameworkDescription);
#if NETFRAMEWORK
        var onMono = Type.GetType("Mono.Runtime") is not null;
        (onMono || RuntimeInformation.IsOSPlatform(OSPlatform.Windows)).Should().BeTrue("net472 runs on .NET Framework, or Mono off Windows");
        RuntimeInformation.FrameworkDescription.Should().StartWith(onMono ? "Mono " : ".NET Framework ");
#elif NET10_0
        Environment.Version.Major.Should().Be(10);
#else
        Environment.Version.Major.Should().Be(8, "the net8.0 leg is self-contained, so it runs on the .NET 8 runtime");
#endif
    }
}
