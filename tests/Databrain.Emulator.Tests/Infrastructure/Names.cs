namespace Databrain.Emulator.Tests.Infrastructure;

public static class Names
{
    public static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..12];
}
