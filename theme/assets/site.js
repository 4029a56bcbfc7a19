/* PeerCommons: quick exit (the GOV.UK "exit this page" pattern). No storage, no requests. */
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link || !link.href || !window.location || typeof window.location.replace !== "function") return;

  var target = link.href;
  var leaving = false;
  var presses = [];
  var WINDOW_MS = 2000;

  function exitPage(event) {
    if (event && typeof event.preventDefault === "function") event.preventDefault();
    if (leaving) return;
    leaving = true;
    try {
      document.documentElement.className += " pc-exiting";
      document.title = "";
      if (document.body) document.body.textContent = "";
    } catch (ignored) { /* leave anyway */ }
    // replace, not assign: the page is not kept in the history, so Back does not return to it.
    window.location.replace(target);
  }

  link.addEventListener("click", exitPage);

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
    presses.push(now);
    if (presses.length >= 3) exitPage(event);
  }, true);

  // A page restored from the back/forward cache after an exit stays blank.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted && leaving && document.body) document.body.textContent = "";
  });
})();
