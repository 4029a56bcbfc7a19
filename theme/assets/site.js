/* PeerCommons: quick exit (the GOV.UK "exit this page" pattern), copy-link buttons, annotation and list
   filters. No storage, no requests, no inline styles: only classes and the hidden attribute change. */
(function () {
  "use strict";
  var d = document, each = function (list, f) { Array.prototype.forEach.call(list, f); };

  (function quickExit() {
    var link = d.querySelector("[data-quick-exit]");
    if (!link || !link.href || !window.location || typeof window.location.replace !== "function") return;
    var target = link.href, leaving = false, presses = [], WINDOW_MS = 2000;

    function exitPage(event) {
      if (event && typeof event.preventDefault === "function") event.preventDefault();
      if (leaving) return;
      leaving = true;
      try {
        d.documentElement.className += " pc-exiting";
        d.title = "";
        if (d.body) d.body.textContent = "";
      } catch (ignored) { /* leave anyway */ }
      // replace, not assign: the page is not kept in the history, so Back does not return to it.
      window.location.replace(target);
    }

    link.addEventListener("click", exitPage);
    d.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" && event.key !== "Esc") return;
      var now = Date.now();
      presses = presses.filter(function (t) { return now - t < WINDOW_MS; });
      presses.push(now);
      if (presses.length >= 3) exitPage(event);
    }, true);
    // A page restored from the back/forward cache after an exit stays blank.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && leaving && d.body) d.body.textContent = "";
    });
  })();

  if (!d.body || !d.body.appendChild) return;

  // One polite live region for the messages below.
  var live = d.createElement("p");
  live.className = "visually-hidden";
  live.setAttribute("role", "status");
  d.body.appendChild(live);
  function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }

  // Copy link. The address is body[data-page-url] (the page's absolute URL, written when site.yaml has
  // base_url) + "#id"; without it, the address the browser shows over http(s); opened from disk, the
  // path from the site's root (the home link), e.g. "curricula/x/y/index.html#objective-1".
  function linkTo(id) {
    var page = d.body.getAttribute("data-page-url"), here = location.href.split("#")[0];
    if (!page && !/^https?:$/.test(location.protocol)) {
      var home = d.querySelector("a.site-title"), root = home ? home.href.replace(/[^/]*$/, "") : "";
      page = root && here.indexOf(root) === 0 ? here.slice(root.length) : here;
    }
    return (page || here) + "#" + id;
  }

  function copy(button, url) {
    function done() {
      button.textContent = "Link copied";
      say("Link copied: " + url);
      setTimeout(function () { button.textContent = "Copy link"; }, 2000);
    }
    function fallback() {
      // No async clipboard (file://, plain http, refused): copy from a selected field, or leave it selected.
      var field = button.nextElementSibling;
      if (!field || field.className !== "copy-link-field") {
        field = d.createElement("input");
        field.className = "copy-link-field";
        field.readOnly = true;
        field.setAttribute("aria-label", "Link");
        button.parentNode.insertBefore(field, button.nextSibling);
      }
      field.value = url;
      field.focus();
      field.select();
      var ok = false;
      try { ok = d.execCommand("copy"); } catch (ignored) { /* shown instead */ }
      if (ok) { field.parentNode.removeChild(field); button.focus(); done(); } else say("Press Control+C or Command+C to copy the selected link");
    }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback);
    else fallback();
  }

  function addCopy(where, id, name) {
    var button = d.createElement("button");
    button.type = "button";
    button.className = "copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to " + name.replace(/\s+/g, " ").trim());
    button.addEventListener("click", function () { copy(button, linkTo(id)); });
    where.appendChild(button);
  }

  each(d.querySelectorAll(".entry-body h2[id], .entry-body h3[id], li[id^='objective-'], [id^='module-']"), function (el) {
    if (el.closest(".annotation, .print-view")) return;
    var tag = el.tagName, where = tag === "TR" ? el.querySelector("th") : tag === "LI" || /^H\d$/.test(tag) ? el : el.querySelector("h2, h3");
    var marker = el.querySelector(".annotation-marker");
    if (where) addCopy(where, el.id, where.textContent.replace(marker ? marker.textContent : "", ""));
  });

  function select(box, id, label, options) {
    var wrap = d.createElement("span"), l = d.createElement("label"), s = d.createElement("select");
    l.htmlFor = s.id = id;
    l.textContent = label;
    s.appendChild(new Option("all", ""));
    Object.keys(options).sort(function (a, b) { return options[a].localeCompare(options[b]); })
      .forEach(function (k) { s.appendChild(new Option(options[k], k)); });
    wrap.appendChild(l);
    wrap.appendChild(s);
    box.appendChild(wrap);
    return s;
  }

  // Annotations: filter every note on the page (in "In communities" and beside sections) by community and type.
  var box = d.querySelector("[data-annotation-filters]");
  var notes = d.querySelectorAll("article.annotation[data-community]");
  if (box && notes.length > 1) {
    var communities = {}, types = {};
    each(notes, function (n) {
      var c = n.querySelector(".annotation-meta a"), t = n.querySelector(".annotation-type");
      communities[n.getAttribute("data-community")] = c ? c.textContent : n.getAttribute("data-community");
      types[n.getAttribute("data-type")] = t ? t.textContent : n.getAttribute("data-type");
    });
    var byCommunity = select(box, "pc-annotation-community", "Community", communities);
    var byType = select(box, "pc-annotation-type", "Type of note", types);
    var count = d.createElement("span");
    count.className = "filter-count";
    box.appendChild(count);
    var filterNotes = function () {
      var shown = 0;
      each(notes, function (n) {
        var hide = (byCommunity.value && n.getAttribute("data-community") !== byCommunity.value) || (byType.value && n.getAttribute("data-type") !== byType.value);
        n.hidden = !!hide;
        if (!hide) shown++;
        each(d.querySelectorAll(".annotation-index a[href='#" + n.id + "']"), function (a) { a.parentNode.hidden = !!hide; });
      });
      count.textContent = shown + " of " + notes.length + " notes shown";
    };
    byCommunity.addEventListener("change", filterNotes);
    byType.addEventListener("change", filterNotes);
    filterNotes();
  }

  // Lists: "entries annotated by community X". Hidden in the HTML, since it does nothing without script.
  var form = d.querySelector("form[data-list-filter]");
  if (form) {
    var chooser = form.querySelector("select"), items = d.querySelectorAll("main .entry-list > li");
    var status = d.createElement("span");
    status.className = "filter-count";
    status.setAttribute("role", "status");
    form.appendChild(status);
    var filterList = function () {
      var c = chooser.value, shown = 0;
      each(items, function (li) {
        var hide = c && (" " + (li.getAttribute("data-communities") || "") + " ").indexOf(" " + c + " ") < 0;
        li.hidden = !!hide;
        if (!hide) shown++;
      });
      status.textContent = shown + " of " + items.length + " shown";
    };
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    chooser.addEventListener("change", filterList);
    filterList();
    form.hidden = false;
  }
})();
