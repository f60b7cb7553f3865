using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace Databrain.Emulator.Cli;

/// <summary>The standalone development server.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!EmulatorCommandLine.TryParse(args, Environment.GetEnvironmentVariable(EmulatorCommandLine.TokenVariable), out var commandLine, out var error))
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteLineAsync(EmulatorCommandLine.Usage);
            return 2;
        }

        if (commandLine.ShowHelp)
        {
            Console.WriteLine(EmulatorCommandLine.Usage);
            return 0;
        }

        var options = new DatabrainEmulatorOptions
        {
            Urls = commandLine.Urls,
            ServiceToken = commandLine.Token,
            AcceptAllConnections = commandLine.AcceptAllConnections,
            ConfigureLogging = logging => logging
                .AddSimpleConsole(console =>
                {
                    console.SingleLine = true;
                    console.TimestampFormat = "HH:mm:ss ";
                })
                .SetMinimumLevel(LogLevel.Information)
                .AddFilter("Microsoft", LogLevel.Warning),
        };

        if (commandLine.RateLimit is { } rateLimit)
        {
            options.RateLimitPermitLimit = rateLimit.PermitLimit;
            options.RateLimitWindow = rateLimit.Window;
        }

        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

        await using var emulator = await DatabrainEmulator.StartAsync(options);
        Console.WriteLine($"DataBrain emulator listening on {emulator.BaseAddress}");
        if (commandLine.Token is null)
        {
            // Printed once, because the developer needs it to call the server; never logged.
            Console.WriteLine($"No token given (--token or {EmulatorCommandLine.TokenVariable}); generated service token: {emulator.ServiceToken}");
        }
        else
        {
            Console.WriteLine("Using the service token given by --token or " + EmulatorCommandLine.TokenVariable + ".");
        }

        if (commandLine.RateLimit is { } limit)
        {
            Console.WriteLine($"Rate limit: {limit.PermitLimit} requests per {limit.Window.TotalSeconds} s (a fixed window), then 429.");
        }

        Console.WriteLine("Press Ctrl+C to stop.");
        await stopped.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }
}
