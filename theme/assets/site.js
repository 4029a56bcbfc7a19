/* PeerCommons: quick exit (GOV.UK "exit this page"), copy link, annotation and list filters.
   No storage, no requests, no inline styles: only classes and the hidden attribute change. */
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
    window.addEventListener("pageshow", function (event) {
      if (event.persisted && leaving && d.body) d.body.textContent = "";
    });
  })();

  if (!d.body || !d.body.appendChild) return;

  function make(tag, cls, parent) { var e = d.createElement(tag); e.className = cls; if (parent) parent.appendChild(e); return e; }
  var live = make("p", "visually-hidden", d.body);
  live.setAttribute("role", "status");
  function say(text) { live.textContent = ""; setTimeout(function () { live.textContent = text; }, 50); }

  // Copy link: body[data-page-url] + "#id"; else the browser's address; from disk, the path from the site root.
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
      // No async clipboard (file:, http): copy from a selected field.
      var field = button.nextElementSibling, ok = false;
      if (!field || field.className !== "copy-link-field") {
        field = make("input", "copy-link-field");
        field.readOnly = true;
        field.setAttribute("aria-label", "Link");
        button.after(field);
      }
      field.value = url;
      field.select();
      try { ok = d.execCommand("copy"); } catch (ignored) { /* left selected */ }
      if (ok) { field.remove(); button.focus(); done(); } else say("Press Ctrl+C to copy the link");
    }
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback);
    else fallback();
  }

  function addCopy(where, id, name) {
    var button = make("button", "copy-link", where);
    button.type = "button";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to " + name.replace(/\s+/g, " ").trim());
    button.addEventListener("click", function () { copy(button, linkTo(id)); });
  }

  each(d.querySelectorAll(".entry-body h2[id], .entry-body h3[id], li[id^='objective-'], [id^='module-']"), function (el) {
    if (el.closest(".annotation, .print-view")) return;
    var tag = el.tagName, where = tag === "TR" ? el.querySelector("th") : tag === "LI" || /^H\d$/.test(tag) ? el : el.querySelector("h2, h3");
    var marker = el.querySelector(".annotation-marker");
    if (where) addCopy(where, el.id, where.textContent.replace(marker ? marker.textContent : "", ""));
  });

  function select(box, id, label, options) {
    var wrap = make("span", "", box), l = make("label", "", wrap), s = make("select", "", wrap);
    l.htmlFor = s.id = id;
    l.textContent = label;
    s.appendChild(new Option("all", ""));
    Object.keys(options).sort(function (a, b) { return options[a].localeCompare(options[b]); })
      .forEach(function (k) { s.appendChild(new Option(options[k], k)); });
    return s;
  }

  // Annotations (in "In communities" and beside sections), by community and type.
  var box = d.querySelector("[data-annotation-filters]"), notes = d.querySelectorAll("article.annotation[data-community]");
  if (box && notes.length > 1) {
    var names = [{}, {}];
    each(notes, function (n) {
      names[0][n.dataset.community] = n.querySelector(".annotation-meta a").textContent;
      names[1][n.dataset.type] = n.querySelector(".annotation-type").textContent;
    });
    var by = [select(box, "pc-annotation-community", "Community", names[0]), select(box, "pc-annotation-type", "Type of note", names[1])];
    var count = make("span", "filter-count", box), filterNotes = function () {
      var shown = 0;
      each(notes, function (n) {
        var hide = (by[0].value && n.dataset.community !== by[0].value) || (by[1].value && n.dataset.type !== by[1].value);
        n.hidden = !!hide;
        if (!hide) shown++;
        each(d.querySelectorAll(".annotation-index a[href='#" + n.id + "']"), function (a) { a.parentNode.hidden = !!hide; });
      });
      count.textContent = shown + " of " + notes.length + " notes shown";
    };
    by[0].addEventListener("change", filterNotes);
    by[1].addEventListener("change", filterNotes);
    filterNotes();
  }

  // Lists: "annotated by community X"; the form is hidden in the HTML, as it needs script.
  var form = d.querySelector("form[data-list-filter]");
  if (form) {
    var chooser = form.querySelector("select"), items = d.querySelectorAll("main .entry-list > li");
    var status = make("span", "filter-count", form);
    status.setAttribute("role", "status");
    var filterList = function () {
      var c = chooser.value, shown = 0;
      each(items, function (li) {
        var hide = c && (" " + (li.dataset.communities || "") + " ").indexOf(" " + c + " ") < 0;
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
