/* PeerCommons search: the header box's "/" key, and the search page. Nothing is fetched until the search
   page's box gets focus (then what every search needs starts loading, while the visitor types) or a search
   is made; search-parts.js loads the index, the facets and the documents of the results shown (a page of
   PAGE_SIZE at a time), and search-excerpt.js builds each result. */
(function () {
  "use strict";

  var PAGE_SIZE = 10;

  var form = document.querySelector("[data-search-form]");
  if (!form) return;

  /* "/" focuses the search box, unless the visitor is typing somewhere. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    var box = document.querySelector("[data-search-page] [data-search-input]") || form.querySelector("[data-search-input]");
    if (box) { event.preventDefault(); box.focus(); box.select(); }
  });

  var page = document.querySelector("[data-search-page]");
  if (!page) return;
  /* search-parts.js and search-excerpt.js come after this script (the search page's own scripts). */
  document.addEventListener("DOMContentLoaded", function () { searchPage(page); });

  function searchPage(page) {
    var parts = window.PeerCommonsSearchParts.open(page);
    var excerpt = window.PeerCommonsSearchExcerpt;
    var input = page.querySelector("[data-search-input]");
    var results = document.querySelector("[data-search-results]");
    var status = document.querySelector("[data-search-status]");
    var more = document.querySelector("[data-search-more]");
    var filterBox = page.querySelector("[data-search-filters]");
    var filters = {};
    Array.prototype.forEach.call(page.querySelectorAll("[data-filter]"), function (select) {
      filters[select.getAttribute("data-filter")] = select;
    });
    /* The help link, shown above the results for a crisis word (site.yaml's crisis_words) and when nothing is found. */
    var helpBox = document.querySelector("[data-search-help]");
    function plainText(text) { return " " + text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim() + " "; }
    var crisisWords = helpBox ? helpBox.getAttribute("data-crisis-words").split("|").map(plainText).filter(function (w) { return w.trim(); }) : [];
    function showHelp(text, nothingFound) {
      if (!helpBox) return;
      var said = plainText(text);
      helpBox.hidden = !(nothingFound || crisisWords.some(function (w) { return said.indexOf(w) >= 0; }));
    }

    /* The store's URLs are from the site root; this page is one folder down. */
    var root = "../";
    /* Each query and filter change gets a number; an answer that arrives after a newer one is dropped. */
    var latest = 0;
    /* The refs shown (all results after the filters), and how many of them are on the page. */
    var current = { refs: [], shown: 0, stems: [] };

    /* lunr's query syntax first; if it finds nothing or is not lunr syntax as typed (punctuation, quotes,
       a word being typed), every plain word, stemmed, also as the start of a longer word once it has three
       letters: one or two letters would start most words of the site, and loading every posting part
       they span made the first keystrokes of a word take seconds on a phone at 10,000 entries. A query
       with no searchable word ("-", "*", "the") finds nothing, where lunr would match every document. */
    function find(text) {
      if (lastFind.text === text) return lastFind.answer;
      var answer = searchFor(text);
      lastFind = { text: text, answer: answer };
      /* A search that failed (a part not loaded) is tried again by the next one. */
      answer.catch(function () { if (lastFind.answer === answer) lastFind = { text: null, answer: null }; });
      return answer;
    }
    /* The last text searched and its answer (a promise): started once typing slows (see prefetch), then
       shown by update() when the typing pause ends, the same answer. */
    var lastFind = { text: null, answer: null };

    function searchFor(text) {
      return parts.ready().then(function () {
        var plain = excerpt.words(text);
        if (!plain.length) return [];
        return parts.search(text.trim()).catch(notLunrSyntax).then(function (found) {
          if (found.length) return found;
          return parts.search(prefixQuery(excerpt.stems(text))).catch(notLunrSyntax);
        });
      });
    }

    /* find's second try: each stemmed word, also as the start of a longer word from three letters. */
    function prefixQuery(stems) { return stems.map(function (s) { return s.length >= 3 ? s + "*" : s; }).join(" "); }

    /* While the visitor types, loads what find(text) will read, so that the typing pause hides the loading
       of posting parts: the text as typed at once (one part a word). Once typing slows down (no keystroke
       for SLOWED_MS) the search itself starts, loading the start-of-word parts it tries next (a word being
       typed spans several) and the documents of its first page of results, so that when the pause ends
       (update) the results are ready or on their way; a fast typist's passing prefixes would load parts
       nobody reads and take the time of searches nobody sees. */
    var SLOWED_MS = 100;
    var slowedTimer = null;
    function prefetch(text) {
      clearTimeout(slowedTimer);
      parts.ready().then(function () {
        var stems = excerpt.stems(text);
        if (!excerpt.words(text).length || stems.some(function (s) { return s.length < 3; })) return;
        parts.preload(text.trim()).then(function () {
          if (text !== input.value) return;
          slowedTimer = setTimeout(function () {
            if (text === input.value) searchAhead(text);
          }, SLOWED_MS);
        });
      }).catch(function () { return null; });
    }

    /* The search for this text and the documents of its first page of results, loaded but not shown. */
    function searchAhead(text) {
      var chosen = { kind: filters.kind.value, tag: filters.tag.value, community: filters.community.value };
      Promise.all([find(text), parts.facets()]).then(function (answers) {
        if (text !== input.value) return null;
        return narrow(answers[0].map(function (hit) { return hit.doc; }), chosen, answers[1]).then(function (shown) {
          return text === input.value ? parts.documents(shown.slice(0, PAGE_SIZE)) : null;
        });
      }).catch(function () { return null; });
    }

    /* Text lunr's parser does not take finds nothing as typed; a part that could not be loaded is an error. */
    function notLunrSyntax(error) {
      if (error instanceof window.lunr.QueryParseError) return [];
      throw error;
    }

    /* Each menu's options are rebuilt only when what it lists changes: a keystroke seldom changes them, and
       rebuilding the tag menu's options took a good part of a keystroke's time at 10,000 entries. values()
       lists them as [value, label] pairs; key says what they are (with the choice), so that an unchanged
       menu costs no list at all. */
    var listed = {}, facetsLoaded = 0;
    function fillSelect(select, key, values, chosen) {
      key = chosen + "\n" + key;
      if (listed[select.getAttribute("data-filter")] === key) return;
      listed[select.getAttribute("data-filter")] = key;
      while (select.options.length > 1) select.remove(1);
      values().forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        if (pair[0] === chosen) option.selected = true;
        select.appendChild(option);
      });
    }

    /* Which kinds and communities the refs hold (codes from facets.js, before any document is loaded), in
       one pass over what may be 20,000 refs: { kinds: [flag per kind], communities: [flag per code] }. */
    function present(refs, f) {
      var kinds = new Uint8Array(f.kinds.length), communities = new Uint8Array(f.communities.length + 1);
      for (var i = 0; i < refs.length; i++) { kinds[f.kindOf[refs[i]]] = 1; communities[f.communityOf[refs[i]]] = 1; }
      return { kinds: kinds, communities: communities };
    }

    function byName(a, b) { return a[1].localeCompare(b[1]); }

    /* Narrows the refs by the chosen filters; the tag's refs are loaded only when a tag is chosen. */
    function narrow(refs, chosen, f) {
      if (!chosen.kind && !chosen.community && !chosen.tag) return Promise.resolve(refs);
      var kind = f.kinds.indexOf(chosen.kind);
      var community = -1;
      f.communities.forEach(function (c, i) { if (c[0] === chosen.community) community = i + 1; });
      var tag = f.tags.indexOf(chosen.tag);
      var tagged = chosen.tag ? (tag < 0 ? Promise.resolve({}) : parts.tagged(tag)) : Promise.resolve(null);
      return tagged.then(function (withTag) {
        return refs.filter(function (ref) {
          return (!chosen.kind || f.kindOf[ref] === kind) && (!chosen.community || f.communityOf[ref] === community) &&
            (!withTag || withTag[ref]);
        });
      });
    }

    function saveState(text, chosen) {
      var state = new URLSearchParams();
      if (text) state.set("q", text);
      Object.keys(chosen).forEach(function (k) { if (chosen[k]) state.set(k, chosen[k]); });
      var query = state.toString();
      if (window.location.protocol !== "file:") window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
    }

    function statusText(text, count) {
      return count === 0 ? "No results for \u201c" + text + "\u201d." :
        count + (count === 1 ? " result" : " results") + " for \u201c" + text + "\u201d" +
        (count > current.shown ? "; the first " + current.shown + " are shown." : ".");
    }

    /* What the list shows from its start: the refs and the words they are marked for. A keystroke that
       leaves both as they were ("learne" after "learn" shows the same results, marked for the same stem)
       leaves the list as it is: building and laying out ten results again was most of such a keystroke. */
    var listedFor = "";

    /* Shows refs [from, to) of the current results, loading only their documents. */
    function showPage(ticket, from, to) {
      var refs = current.refs.slice(from, to), shows = from === 0 ? refs.join(",") + "\n" + current.stems.join(" ") : null;
      var unchanged = shows !== null && shows === listedFor;
      return (unchanged ? Promise.resolve(null) : parts.documents(refs)).then(function (docs) {
        if (ticket !== latest) return;
        if (!unchanged) {
          var items = document.createDocumentFragment();
          refs.forEach(function (ref) { items.appendChild(excerpt.item(docs[ref], current.stems, root)); });
          if (from === 0) results.replaceChildren(items); else results.appendChild(items);
          listedFor = from === 0 ? shows : "";
        }
        current.shown = to > current.refs.length ? current.refs.length : to;
        more.hidden = current.shown >= current.refs.length;
      });
    }

    /* The address keeps the query (and filters) for the back button and links, once the results are shown:
       replaceState took up to 30 ms of a throttled keystroke, which the visitor waits for only if it comes
       before the results. */
    function saveStateLater(ticket, text, chosen) {
      window.requestAnimationFrame(function () {
        setTimeout(function () { if (ticket === latest) saveState(text, chosen); }, 0);
      });
    }

    function update() {
      var ticket = ++latest;
      var text = input.value;
      var chosen = { kind: filters.kind.value, tag: filters.tag.value, community: filters.community.value };
      if (!text.trim()) {
        saveState(text, chosen);
        results.textContent = "";
        listedFor = "";
        status.textContent = "";
        filterBox.hidden = more.hidden = true;
        showHelp(text, false);
        return;
      }
      status.textContent = "Searching\u2026";
      answer(ticket, text, chosen).catch(function () {
        if (ticket !== latest) return null;
        /* After the site was rebuilt, what this page (or the browser's cache) holds may name parts that are
           gone: load the index and the store again, once, from the server. */
        lastFind = { text: null, answer: null };
        return parts.refresh().then(function () { return answer(ticket, text, chosen); });
      }).then(function () { saveStateLater(ticket, text, chosen); }, function () {
        if (ticket !== latest) return;
        saveState(text, chosen);
        showHelp(text, true);
        status.textContent = "Search could not be loaded. You can browse the lists of entries instead.";
      });
    }

    /* Searches, fills the filters and shows the first page of results for this ticket. */
    function answer(ticket, text, chosen) {
      return Promise.all([find(text), parts.facets()]).then(function (answers) {
        var refs = answers[0].map(function (hit) { return hit.doc; }), f = answers[1];
        if (ticket !== latest) return null;
        var held = present(refs, f);
        fillSelect(filters.kind, held.kinds.join(""), function () {
          return f.kinds.filter(function (k, code) { return held.kinds[code]; }).map(function (k) { return [k, k]; });
        }, chosen.kind);
        /* The tag menu lists every tag of the site: built once for these facets. */
        if (!f.tagsKey) f.tagsKey = "tags of facets " + (++facetsLoaded);
        fillSelect(filters.tag, f.tagsKey, function () { return f.tags.map(function (t) { return [t, t]; }); }, chosen.tag);
        fillSelect(filters.community, held.communities.join(""), function () {
          return f.communities.filter(function (c, i) { return held.communities[i + 1]; }).sort(byName);
        }, chosen.community);
        filterBox.hidden = refs.length === 0;
        return narrow(refs, chosen, f).then(function (shown) {
          if (ticket !== latest) return null;
          current = { refs: shown, shown: 0, stems: excerpt.stems(text) };
          return showPage(ticket, 0, PAGE_SIZE).then(function () {
            if (ticket !== latest) return;
            status.textContent = statusText(text, shown.length);
            showHelp(text, shown.length === 0);
          });
        });
      });
    }

    /* The next page of results; focus moves to its first result, so keyboard users go on from there. */
    more.addEventListener("click", function () {
      var ticket = latest, first = current.shown;
      showPage(ticket, first, first + PAGE_SIZE).then(function () {
        if (ticket !== latest) return;
        status.textContent = statusText(input.value, current.refs.length);
        var added = results.children[first];
        if (added) added.querySelector("a").focus();
      });
    });

    var initial = new URLSearchParams(window.location.search);
    input.value = initial.get("q") || "";
    ["kind", "tag", "community"].forEach(function (k) {
      var value = initial.get(k);
      if (value) {
        var option = document.createElement("option");
        option.value = value; option.textContent = value; option.selected = true;
        filters[k].appendChild(option);
      }
    });
    var headerBox = form.querySelector("[data-search-input]");
    if (headerBox) headerBox.value = input.value;

    var timer = null;
    /* What every search needs starts loading when the box gets focus, so it arrives while the visitor types. */
    input.addEventListener("focus", function () { parts.warm(); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); prefetch(input.value); });
    Object.keys(filters).forEach(function (k) { filters[k].addEventListener("change", update); });
    page.addEventListener("submit", function (event) { event.preventDefault(); update(); });

    /* Arrow keys move between the box and the results; Enter opens the focused result. */
    function links() { return Array.prototype.slice.call(results.querySelectorAll("a")); }
    page.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" && event.target === input && links().length) { event.preventDefault(); links()[0].focus(); }
    });
    results.addEventListener("keydown", function (event) {
      var list = links(), at = list.indexOf(document.activeElement);
      if (at < 0) return;
      if (event.key === "ArrowDown" && at < list.length - 1) { event.preventDefault(); list[at + 1].focus(); }
      if (event.key === "ArrowUp") { event.preventDefault(); (at === 0 ? input : list[at - 1]).focus(); }
    });

    if (input.value.trim()) update();
  }
})();
