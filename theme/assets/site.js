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

  // The menu is collapsed only on phones (CSS); where there is room, open it so a closed <details> never hides the navigation.
  var menu = d.querySelector("[data-site-menu]");
  if (menu && window.matchMedia && window.matchMedia("(min-width: 48rem)").matches) menu.open = true;

  // The learner/trainer switch keeps the section being read: "recovery/#context" to "trainer/recovery/#context".
  var viewSwitch = d.querySelector("a[data-view-switch]");
  if (viewSwitch) {
    var keepSection = function () { viewSwitch.href = viewSwitch.href.split("#")[0] + location.hash; };
    keepSection();
    window.addEventListener("hashchange", keepSection);
  }

  // The address to share for a page of this site (given as resolved here): the public one when the build knows it
  // (body[data-page-url]), the browser's over http(s), and from disk the path from the site root.
  var home = d.querySelector("a.site-title"), siteRoot = home ? home.href.replace(/[^/]*$/, "") : "";
  var here = location.href.split("#")[0];
  function shareable(url) {
    var pageUrl = d.body.getAttribute("data-page-url");
    var fromRoot = url.indexOf(siteRoot) === 0 ? url.slice(siteRoot.length).replace(/index\.html$/, "") : null;
    if (fromRoot === null) return url;
    var hereFromRoot = here.slice(siteRoot.length).replace(/index\.html$/, "");
    if (pageUrl && pageUrl.endsWith(hereFromRoot)) return pageUrl.slice(0, pageUrl.length - hereFromRoot.length) + fromRoot;
    return /^https?:$/.test(location.protocol) ? url : fromRoot;
  }
  // In the trainer view the links to share are the learner's: slides must not send learners to facilitator notes.
  var trainer = d.body.classList.contains("view-trainer") && viewSwitch;
  var trainerBase = here.replace(/[^/]*$/, ""), learnerBase = trainer ? viewSwitch.href.split("#")[0].replace(/[^/]*$/, "") : "";
  function forLearners(url) { return trainer && url.indexOf(trainerBase) === 0 ? learnerBase + url.slice(trainerBase.length) : url; }

  function copy(button, url) {
    var label = button.textContent;
    function done() {
      button.textContent = "Link copied";
      say("Link copied: " + url);
      setTimeout(function () { button.textContent = label; }, 2000);
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

  function addCopy(where, text, name, url) {
    var button = make("button", "copy-link", where);
    button.type = "button";
    button.textContent = text;
    button.setAttribute("aria-label", text + (name ? " to " + name.replace(/\s+/g, " ").trim() : ""));
    button.addEventListener("click", function () { copy(button, url()); });
  }

  // Copy-link controls only where people link to a place: curricula, modules and values.
  var linked = /\b(template-curriculum|template-module|kind-value)\b/.test(d.body.className);
  if (linked) each(d.querySelectorAll(".entry-body h2[id], .entry-body h3[id], li[id^='objective-'], [id^='module-']"), function (el) {
    if (el.closest(".annotation, .print-view")) return;
    var tag = el.tagName, where = tag === "TR" ? el.querySelector("th") : tag === "LI" || /^H\d$/.test(tag) ? el : el.querySelector("h2, h3");
    var marker = el.querySelector(".annotation-marker"), name = where && where.textContent.replace(marker ? marker.textContent : "", "");
    var module = tag === "TR" && where.querySelector("a");
    // A schedule row copies its module page's address, not the curriculum's anchor.
    if (module) addCopy(where, "Copy link", "module " + name, function () { return shareable(forLearners(module.href)); });
    else if (where) addCopy(where, "Copy link", name, function () { return shareable(forLearners(here)) + "#" + el.id; });
  });
  var header = d.querySelector(".module .entry-header");
  if (linked && header) addCopy(header, "Copy link to this module", "", function () { return shareable(forLearners(here)); });
  var switchBox = trainer && viewSwitch.parentNode;
  if (switchBox) addCopy(switchBox, "Copy trainer link", "", function () { return shareable(here) + location.hash; });

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
      // On one page of a long list the filter sees that page only: the community's own page lists all it annotated.
      var all = form.querySelector("a[data-filter-all]"), chosen = chooser.options[chooser.selectedIndex];
      if (all) {
        all.hidden = !(c && chosen.dataset.url);
        if (!all.hidden) { all.href = chosen.dataset.url; all.textContent = "Every entry annotated by " + chosen.textContent; }
      }
    };
    form.addEventListener("submit", function (e) { e.preventDefault(); filterList(); });
    chooser.addEventListener("change", filterList);
    filterList();
    form.hidden = false;
  }
})();
