using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PeerCommons.Serve.Tests;

/// <summary>The real command line as its own process: serve stops cleanly when a signal asks it to.</summary>
public sealed partial class ServeProcessTests
{
    [GeneratedRegex(@"at (http://127\.0\.0\.1:\d+/)")]
    private static partial Regex ServingAt();

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Serve_ends_with_exit_code_0_on_a_signal(string signal)
    {
        if (OperatingSystem.IsWindows()) return; // no POSIX signals to send there
        using var temp = new TempFolder();
        ServeTests.SmallSite(temp);
        var program = typeof(SiteEngine).Assembly.Location;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { program, "serve", "--content", temp.Path("content"), "--theme", temp.Path("theme"), "--port", "0" }) info.ArgumentList.Add(arg);
        using var process = Process.Start(info)!;
        try
        {
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            string? url = null;
            while (url is null)
            {
                var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                           ?? throw new InvalidOperationException("serve ended before it served: " + await error);
                if (ServingAt().Match(line) is { Success: true } m) url = m.Groups[1].Value;
            }
            using (var http = new HttpClient { BaseAddress = new Uri(url), Timeout = ServeTests.Wait })
                Assert.Contains("Mutuality", await http.GetStringAsync("values/mutuality/"));

            using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!)
                await kill.WaitForExitAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"exit code {process.ExitCode}: {await error}");
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
