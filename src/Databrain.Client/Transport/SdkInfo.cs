using System.Reflection;

namespace Databrain.Client.Transport;

/// <summary>The SDK's name and version, as sent in <c>User-Agent</c>.</summary>
internal static class SdkInfo
{
    public static string Version { get; } = ReadVersion();

    public static string ProductToken { get; } = $"Databrain.Client/{Version}";

    /// <summary>The caller's product token, if any, followed by the SDK's.</summary>
    public static string UserAgent(string? callerUserAgent) =>
        string.IsNullOrWhiteSpace(callerUserAgent) ? ProductToken : $"{callerUserAgent.Trim()} {ProductToken}";

    private static string ReadVersion()
    {
        var informational = typeof(SdkInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(SdkInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
