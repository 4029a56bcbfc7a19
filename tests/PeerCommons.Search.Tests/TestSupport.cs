using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace PeerCommons.Search.Tests;

/// <summary>Locates the repository and runs the Node helper scripts in js/ against theme/node_modules/lunr.</summary>
internal static class Repo
{
    private static readonly Lazy<string> RootLazy = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "PeerCommons.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("PeerCommons.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootLazy.Value;

    public static string ScriptsDir => Path.Combine(Root, "tests", "PeerCommons.Search.Tests", "js");

    /// <summary>Fails (never skips) when lunr.js is not installed.</summary>
    public static void RequireLunr()
    {
        var pkg = Path.Combine(Root, "theme", "node_modules", "lunr", "package.json");
        if (!File.Exists(pkg))
            Assert.Fail($"lunr.js 2.3.9 is not installed at theme/node_modules/lunr: run `npm ci --prefix theme` from {Root}");
    }

    private static readonly Lazy<string> RunDir = new(() =>
    {
        var parent = Path.Combine(Path.GetTempPath(), "peercommons-search-tests");
        Directory.CreateDirectory(parent);
        foreach (var old in Directory.GetDirectories(parent))
        {
            try { if (Directory.GetLastWriteTimeUtc(old) < DateTime.UtcNow.AddHours(-1)) Directory.Delete(old, true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        var dir = Path.Combine(parent, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return dir;
    });

    /// <summary>A fresh directory under this test run's temporary folder (removed when the run ends).</summary>
    public static string TempDir()
    {
        var dir = Path.Combine(RunDir.Value, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}

internal static class Node
{
    /// <summary>Runs js/<paramref name="script"/> with a JSON request file; returns its standard output.</summary>
    public static string Run(string script, object request)
    {
        Repo.RequireLunr();
        var dir = Repo.TempDir();
        var requestPath = Path.Combine(dir, "request.json");
        File.WriteAllText(requestPath, JsonSerializer.Serialize(request), new UTF8Encoding(false));
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
        };
        psi.ArgumentList.Add("--max-old-space-size=4096");
        psi.ArgumentList.Add(Path.Combine(Repo.ScriptsDir, script));
        psi.ArgumentList.Add(requestPath);
        Process p;
        try
        {
            p = Process.Start(psi)!;
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Assert.Fail("Node.js is required to run lunr.js in the conformance tests, but `node` could not be started: " + ex.Message);
            throw;
        }
        using (p)
        {
            var stderrTask = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            var stderr = stderrTask.Result;
            if (p.ExitCode != 0) Assert.Fail($"node {script} failed with exit code {p.ExitCode}: {stderr}");
            try { Directory.Delete(dir, true); } catch (IOException) { }
            return stdout;
        }
    }

    /// <summary>Runs one lunr function over inputs (see js/lunr-functions.js).</summary>
    public static T[] Functions<T>(string op, IEnumerable<object> inputs)
    {
        var json = Run("lunr-functions.js", new { op, inputs = inputs.ToArray() });
        return JsonSerializer.Deserialize<T[]>(json)!;
    }
}
