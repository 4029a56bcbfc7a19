using System.Collections.Concurrent;
using AngleSharp.Html.Parser;
using Microsoft.Playwright;
using PeerCommons.Pipeline;

namespace PeerCommons.Browser.Tests.Support;

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "browser";
}

/// <summary>
/// Builds the starter site (the repository's content/ and theme/) once into a temporary folder and
/// opens one Chromium for all tests. Pages reach the site through Playwright routing, with no server:
/// https://peercommons.test/** is answered from the files on disk with the headers netlify.toml sends;
/// every other request is recorded and aborted.
/// </summary>
public sealed class SiteFixture : IAsyncLifetime
{
    public const string Host = "peercommons.test";
    public const string Origin = "https://" + Host;
    /// <summary>The browser the tests launch: see <see cref="ChromiumLocator"/>.</summary>
    public static readonly string? ChromiumPath = ChromiumLocator.Find();

    private readonly string _temp = Path.Combine(Path.GetTempPath(), "peercommons-browser-" + Guid.NewGuid().ToString("N"));
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public string SiteDirectory => Path.Combine(_temp, "_site");
    /// <summary>The same site built with a site's own theme folder over the bundled theme (an overridden footer), served under <see cref="OwnThemePrefix"/>.</summary>
    public string OwnThemeSiteDirectory => Path.Combine(_temp, "_site-own-theme");
    public const string OwnThemePrefix = "with-own-theme/";
    public NetlifyHeaders Headers { get; } = NetlifyHeaders.Load(Repo.Path("netlify.toml"));
    public BuildResult Build { get; private set; } = null!;
    /// <summary>Template key (see <see cref="SitePages"/>) to the site path of one page that uses it.</summary>
    public IReadOnlyDictionary<string, string> Pages { get; private set; } = null!;
    public string QuickExitUrl { get; private set; } = null!;
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("browser not started");

    public async Task InitializeAsync()
    {
        if (ChromiumPath is null) throw new InvalidOperationException(ChromiumLocator.NotFoundMessage);

        Directory.CreateDirectory(_temp);
        Build = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = Repo.Path("content"),
            ThemeDirectory = Repo.Path("theme"),
            OutputDirectory = SiteDirectory,
            WriteOutput = true,
        });
        if (!Build.Succeeded || !Build.Written)
            throw new InvalidOperationException("building the starter site failed: " + (Build.FatalError ??
                string.Join(Environment.NewLine, Build.Diagnostics.Select(d => d.ToString()))));

        var ownTheme = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = Repo.Path("content"),
            ThemeDirectory = Repo.Path("theme"),
            ThemeOverridesDirectory = Repo.Path("tests", "PeerCommons.Browser.Tests", "fixtures", "own-theme"),
            OutputDirectory = OwnThemeSiteDirectory,
            WriteOutput = true,
        });
        if (!ownTheme.Succeeded) throw new InvalidOperationException("building the starter site with its own footer failed: " + ownTheme.FatalError);

        (Pages, QuickExitUrl) = SitePages.Discover(SiteDirectory);
        Pages = new Dictionary<string, string>(Pages)
        {
            [SitePages.PagedListKey] = BuildPagedList(),
            [SitePages.PagedValueKey] = PagedPage("paged/values/mutuality/index.html"),
            [SitePages.PagedValueListKey] = PagedPage("paged/values/mutuality/page/2/index.html"),
        };

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
    }

    /// <summary>
    /// The starter site's lists fit on one page: the generator's valid fixture with one entry per page
    /// (site.yaml's list_page_size), built below the starter site, gives a page of a list after its first
    /// (and a value whose related list has several pages).
    /// </summary>
    private string BuildPagedList()
    {
        var content = Path.Combine(_temp, "paged-content");
        var from = Repo.Path("tests", "PeerCommons.Tests", "fixtures", "valid", "content");
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(content, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        File.AppendAllText(Path.Combine(content, "site.yaml"), "list_page_size: 1\n");
        var paged = BuildPipeline.Run(new BuildOptions
        {
            ContentDirectory = content,
            ThemeDirectory = Repo.Path("theme"),
            OutputDirectory = Path.Combine(SiteDirectory, "paged"),
            WriteOutput = true,
        });
        if (!paged.Succeeded || !paged.Written) throw new InvalidOperationException("building the paginated fixture failed: " + paged.FatalError);
        return PagedPage("paged/projects/page/2/index.html");
    }

    /// <summary>A page of the small site <see cref="BuildPagedList"/> built, which must show a pager.</summary>
    private string PagedPage(string path)
    {
        if (!File.ReadAllText(Path.Combine(SiteDirectory, path)).Contains("class=\"pager\"", StringComparison.Ordinal))
            throw new InvalidOperationException(path + " has no pager");
        return path;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
        try { Directory.Delete(_temp, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    /// <summary>The width WCAG 1.4.10 (Reflow) asks content to fit without scrolling sideways.</summary>
    public static readonly ViewportSize NarrowPhone = new() { Width = 320, Height = 640 };
    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };

    /// <summary>
    /// A fresh browser context (no cookies, no storage) with one page, routed to the built site. With
    /// <paramref name="subPath"/> (such as "/peercommons/") the site is served only below that path, as on
    /// GitHub Pages, and every other address of the host is a plain 404 that is not the site's.
    /// </summary>
    public async Task<SitePage> OpenAsync(ViewportSize? viewport = null, ColorScheme scheme = ColorScheme.Light, bool javaScript = true, string? subPath = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Desktop,
            ColorScheme = scheme,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            JavaScriptEnabled = javaScript,
        });
        var page = new SitePage(this, context, subPath);
        await page.InitializeAsync();
        return page;
    }

    public string Url(string sitePath) => Origin + "/" + sitePath.TrimStart('/');

    public string PageUrl(string key) =>
        Pages.TryGetValue(key, out var path) ? Url(path) : throw new KeyNotFoundException("no page for template key " + key);

    /// <summary>Answers a routed request from the site folder, like Netlify would (404.html for anything missing).</summary>
    internal async Task FulfillAsync(IRoute route, Uri uri, string? subPath = null)
    {
        var sitePath = Uri.UnescapeDataString(uri.AbsolutePath);
        if (subPath is not null)
        {
            if (!sitePath.StartsWith(subPath, StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 404, ContentType = "text/plain", Body = "not found (outside the site)" });
                return;
            }
            sitePath = "/" + sitePath[subPath.Length..];
        }
        var relative = sitePath.TrimStart('/');
        // The site built with its own theme folder is served under a sub-path, as a host may serve it.
        var ownTheme = relative.StartsWith(OwnThemePrefix, StringComparison.Ordinal);
        if (ownTheme) sitePath = "/" + (relative = relative[OwnThemePrefix.Length..]);
        if (relative.Length == 0 || relative.EndsWith('/')) relative += "index.html";
        var root = Path.GetFullPath(ownTheme ? OwnThemeSiteDirectory : SiteDirectory) + Path.DirectorySeparatorChar;
        var file = Path.GetFullPath(Path.Combine(root, relative));
        var status = 200;
        if (!file.StartsWith(root, StringComparison.Ordinal) || !File.Exists(file))
        {
            status = 404;
            file = Path.Combine(root, "404.html");
        }
        var headers = Headers.For(sitePath);
        headers["Content-Type"] = ContentType(file);
        await route.FulfillAsync(new RouteFulfillOptions { Status = status, Headers = headers, BodyBytes = await File.ReadAllBytesAsync(file) });
    }

    private static string ContentType(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".json" => "application/json",
        ".xml" => "application/xml",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".webp" => "image/webp",
        ".ico" => "image/x-icon",
        ".txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    };
}

/// <summary>One page in its own browser context, with everything it asked for and everything it reported.</summary>
public sealed class SitePage : IAsyncDisposable
{
    // Runs before any page script: records CSP violations and page errors where tests can read them.
    private const string InitScript = """
        (() => {
          const log = { csp: [], errors: [] };
          Object.defineProperty(window, '__pcLog', { value: log });
          document.addEventListener('securitypolicyviolation', e => log.csp.push(
            `${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`.trim()));
          window.addEventListener('error', e => log.errors.push(String(e.message)));
        })();
        """;

    private readonly SiteFixture _site;
    private readonly string? _subPath;

    public IBrowserContext Context { get; }
    public IPage Page { get; private set; } = null!;
    public ConcurrentQueue<string> Requests { get; } = new();
    public ConcurrentQueue<string> Blocked { get; } = new();
    public ConcurrentQueue<string> CspConsole { get; } = new();
    public ConcurrentQueue<string> ConsoleErrors { get; } = new();
    public ConcurrentQueue<string> PageErrors { get; } = new();

    internal SitePage(SiteFixture site, IBrowserContext context, string? subPath = null)
    {
        _site = site;
        _subPath = subPath;
        Context = context;
    }

    internal async Task InitializeAsync()
    {
        Context.Request += (_, request) => Requests.Enqueue(request.Url);
        await Context.RouteAsync("**/*", async route =>
        {
            var url = route.Request.Url;
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == "https" && uri.Host == SiteFixture.Host && uri.IsDefaultPort)
                await _site.FulfillAsync(route, uri, _subPath);
            else
            {
                Blocked.Enqueue(url);
                await route.AbortAsync();
            }
        });
        await Context.AddInitScriptAsync(InitScript);
        Page = await Context.NewPageAsync();
        Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) CspConsole.Enqueue(message.Text);
            if (message.Type == "error") ConsoleErrors.Enqueue(message.Text);
        };
        Page.PageError += (_, error) => PageErrors.Enqueue(error);
    }

    /// <summary>Goes to a page of the site (a template key like "home", or a site path) and waits for it to load.</summary>
    public async Task<IResponse> GotoAsync(string keyOrPath)
    {
        var url = _site.Pages.ContainsKey(keyOrPath) ? _site.PageUrl(keyOrPath) : _site.Url(keyOrPath);
        if (keyOrPath == "search") url += "?q=" + Uri.EscapeDataString(SitePages.SearchQuery);
        var response = await Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        Assert.True(response is not null, "no response for " + url);
        if (keyOrPath == "search")
            await Page.WaitForSelectorAsync(".search-result", new PageWaitForSelectorOptions { Timeout = 15000 });
        return response!;
    }

    /// <summary>Evaluates a script whose result is an object, read into a record.</summary>
    public async Task<T> EvaluateAsync<T>(string script, object? arg = null)
    {
        var json = await Page.EvaluateAsync<System.Text.Json.JsonElement>(script, arg);
        return System.Text.Json.JsonSerializer.Deserialize<T>(json, JsonOptions)!;
    }

    private static readonly System.Text.Json.JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public Task<string[]> CspViolationsAsync() => Page.EvaluateAsync<string[]>("() => window.__pcLog ? [...window.__pcLog.csp] : ['init script did not run']");

    public Task<string[]> ScriptErrorsAsync() => Page.EvaluateAsync<string[]>("() => window.__pcLog ? [...window.__pcLog.errors] : ['init script did not run']");

    /// <summary>Requests to any host but the site's own.</summary>
    public IEnumerable<string> ForeignRequests => Requests.Where(u => !u.StartsWith(SiteFixture.Origin + "/", StringComparison.Ordinal)).Concat(Blocked).Distinct();

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
