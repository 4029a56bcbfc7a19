namespace PeerCommons.Serve;

/// <summary>
/// /__peercommons/reload.js: listens on /__peercommons/events; reloads the page after a rebuild and
/// shows errors in a fixed overlay (built with textContent, never innerHTML). An external script, so
/// it keeps to a Content-Security-Policy without inline script.
/// </summary>
public static class ReloadScript
{
    public const string OverlayId = "peercommons-serve-overlay";

    public const string Text = """
(function () {
  "use strict";
  var overlayId = "peercommons-serve-overlay";
  function hide() {
    var old = document.getElementById(overlayId);
    if (old) old.remove();
  }
  function show(lines) {
    hide();
    var box = document.createElement("div");
    box.id = overlayId;
    box.setAttribute("role", "alert");
    var s = box.style;
    s.position = "fixed"; s.left = "0"; s.right = "0"; s.bottom = "0"; s.maxHeight = "60vh"; s.overflow = "auto";
    s.zIndex = "2147483647"; s.background = "#fff4f4"; s.color = "#5a0000"; s.borderTop = "4px solid #b00020";
    s.padding = "1rem"; s.font = "14px/1.4 ui-monospace, monospace"; s.whiteSpace = "pre-wrap";
    var title = document.createElement("strong");
    title.textContent = "PeerCommons: the content has errors. This page shows the last good build.";
    box.appendChild(title);
    lines.forEach(function (line) {
      var p = document.createElement("div");
      p.textContent = line;
      box.appendChild(p);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Hide";
    close.addEventListener("click", hide);
    box.appendChild(close);
    document.body.appendChild(box);
  }
  if (!window.EventSource) return;
  var events = new EventSource("/__peercommons/events");
  function data(e) { try { return JSON.parse(e.data); } catch (x) { return { diagnostics: [] }; } }
  events.addEventListener("reload", function () { window.location.reload(); });
  events.addEventListener("errors", function (e) { show(data(e).diagnostics || []); });
  events.addEventListener("hello", function (e) { var d = data(e).diagnostics || []; if (d.length) show(d); else hide(); });
})();
""";
}
