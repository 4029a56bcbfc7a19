/* PeerCommons search: lunr.js 2.3.9 queries over an index built in C# at build time.
   Nothing is fetched until a search is made; then search-reader.js loads the index's manifest and
   only the parts the query needs, each a script, so it works from file:// as well as from any host. */
(function () {
  "use strict";

  var form = document.querySelector("[data-search-form]");
  if (!form) return;
  var lunrUrl = form.getAttribute("data-lunr");
  var readerUrl = form.getAttribute("data-reader");
  var indexUrl = form.getAttribute("data-index");
  var storeUrl = form.getAttribute("data-store");
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* Loads lunr.js, the reader and the store once, on first use; the reader loads index parts per query. */
  function loadIndex() {
    if (!loading) {
      loading = Promise.all([loadScript(lunrUrl).then(function () { return loadScript(readerUrl); }), loadScript(storeUrl)])
        .then(function () {
          var data = window.PeerCommonsSearchStore;
          return { index: window.PeerCommonsSearchIndex.open(indexUrl), store: data.store, fields: data.fields };
        }, function (error) { loading = null; throw error; });
    }
    return loading;
  }

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

  var input = page.querySelector("[data-search-input]");
  var results = document.querySelector("[data-search-results]");
  var status = document.querySelector("[data-search-status]");
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

  function params() { return new URLSearchParams(window.location.search); }

  /* What the index's trimmer strips from the ends of words (PeerCommons.Search's Unicode trimmer):
     anything but letters, combining marks, numbers and connector punctuation. */
  var TRIM = /^[^\p{L}\p{M}\p{N}\p{Pc}]+|[^\p{L}\p{M}\p{N}\p{Pc}]+$/gu;

  /* The query's plain words, as the index holds them before stemming: lunr's separators, lunr's query
     syntax (+ - field: * ~n ^n) and punctuation ("café?", "(peer)", quotes) removed, stop words dropped. */
  function words(text) {
    return text.toLowerCase().split(/[\s\-]+/).map(function (word) {
      return word.replace(/^[+\-]+|[*~^].*$|^[\p{L}\p{N}_]+:(?=.)/gu, "").replace(TRIM, "");
    }).filter(function (word) {
      return word && window.lunr.stopWordFilter(new window.lunr.Token(word)) !== undefined;
    });
  }

  /* Resolves with lunr's results, [{ref, score, matchData}]. */
  function runQuery(search, text) {
    var query = text.trim();
    if (!query) return Promise.resolve([]);
    var plain = words(query);
    /* Nothing searchable ("-", "*", "the"): lunr would match every document or none. */
    if (!plain.length) return Promise.resolve([]);
    /* An error here is text that is not lunr query syntax: fall back to plain words below (if a part could
       not be loaded, the fallback fails to load it too, and says so). */
    return search.index.search(query).catch(function () { return []; }).then(function (found) {
      if (found.length) return found;
      /* Typed text that lunr's syntax does not take as meant (punctuation, quotes, a word being typed):
         every plain word, also as the start of a longer word. */
      return search.index.query(function (q) {
        plain.forEach(function (word) {
          q.term(word, { wildcard: window.lunr.Query.wildcard.TRAILING });
        });
      });
    });
  }

  function stems(text) {
    return words(text).map(function (word) {
      return window.lunr.stemmer(new window.lunr.Token(word)).toString();
    });
  }

  /* The snippet as text nodes, with words matching the query wrapped in <mark>. */
  function highlighted(snippet, queryStems) {
    var fragment = document.createDocumentFragment();
    /* Split as lunr's tokenizer splits (whitespace and hyphens), so "co-production" marks both halves. */
    snippet.split(/([\s\-]+)/).forEach(function (part) {
      var word = part.toLowerCase().replace(TRIM, "");
      var stem = word && window.lunr.stemmer(new window.lunr.Token(word)).toString();
      var hit = word && queryStems.some(function (q) { return stem === q || (q.length > 2 && word.indexOf(q) === 0); });
      if (hit) {
        var mark = document.createElement("mark");
        mark.textContent = part;
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    return fragment;
  }

  function fillSelect(select, values, chosen) {
    while (select.options.length > 1) select.remove(1);
    values.forEach(function (pair) {
      var option = document.createElement("option");
      option.value = pair[0];
      option.textContent = pair[1];
      if (pair[0] === chosen) option.selected = true;
      select.appendChild(option);
    });
  }

  function distinct(items, pick) {
    var seen = {}, list = [];
    items.forEach(function (item) {
      pick(item).forEach(function (pair) {
        if (pair[0] && !seen[pair[0]]) { seen[pair[0]] = true; list.push(pair); }
      });
    });
    return list.sort(function (a, b) { return a[1].localeCompare(b[1]); });
  }

  function render(search, found, text) {
    var chosen = { kind: filters.kind.value, tag: filters.tag.value, community: filters.community.value };
    var hits = found.map(function (hit) {
      var doc = search.store[parseInt(hit.ref, 36)];
      return { title: doc[0], url: doc[1], kind: doc[2], snippet: doc[3], tags: doc[4] ? doc[4].split(" ") : [],
        community: doc[5], communityTitle: doc[6], target: doc[7], voice: doc[8] };
    });
    fillSelect(filters.kind, distinct(hits, function (h) { return [[h.kind, h.kind]]; }), chosen.kind);
    fillSelect(filters.tag, distinct(hits, function (h) { return h.tags.map(function (t) { return [t, t]; }); }), chosen.tag);
    fillSelect(filters.community, distinct(hits, function (h) { return [[h.community, h.communityTitle]]; }), chosen.community);
    filterBox.hidden = hits.length === 0;

    var shown = hits.filter(function (h) {
      return (!chosen.kind || h.kind === chosen.kind) && (!chosen.tag || h.tags.indexOf(chosen.tag) >= 0) &&
        (!chosen.community || h.community === chosen.community);
    });
    var queryStems = stems(text);
    results.textContent = "";
    shown.slice(0, 100).forEach(function (h) {
      var item = document.createElement("li");
      item.className = "search-result";
      var link = document.createElement("a");
      link.href = root + h.url;
      link.textContent = h.title;
      link.className = "search-result-link";
      var meta = document.createElement("span");
      meta.className = "search-result-meta";
      meta.textContent = h.kind + (h.communityTitle ? " from " + h.communityTitle : "") + (h.target ? ", on " + h.target : "");
      var snippet = document.createElement("p");
      snippet.className = "search-result-snippet";
      snippet.appendChild(highlighted(h.snippet || "", queryStems));
      item.appendChild(link);
      item.appendChild(document.createTextNode(" "));
      item.appendChild(meta);
      item.appendChild(snippet);
      if (h.voice) {
        /* Whose words an annotation is: its community's, or editors' compiled from research. */
        var voice = document.createElement("p");
        voice.className = "search-result-voice";
        voice.textContent = h.voice + ".";
        item.appendChild(voice);
      }
      results.appendChild(item);
    });
    status.textContent = !text.trim() ? "" :
      shown.length === 0 ? "No results for \u201c" + text + "\u201d." :
      shown.length + (shown.length === 1 ? " result" : " results") + " for \u201c" + text + "\u201d" +
      (shown.length > 100 ? "; the first 100 are shown." : ".");

    var state = new URLSearchParams();
    if (text) state.set("q", text);
    Object.keys(chosen).forEach(function (k) { if (chosen[k]) state.set(k, chosen[k]); });
    showHelp(text, text.trim() !== "" && shown.length === 0);
    var query = state.toString();
    if (window.location.protocol !== "file:") window.history.replaceState(null, "", query ? "?" + query : window.location.pathname);
  }

  /* Only the latest query's results are shown, whichever answer arrives first. */
  var latest = 0;
  function update() {
    var text = input.value, ticket = ++latest;
    if (!text.trim()) { render({ store: [] }, [], text); return; }
    status.textContent = "Searching\u2026";
    loadIndex().then(function (search) {
      return runQuery(search, text).then(function (found) { if (ticket === latest) render(search, found, text); });
    }).catch(function () {
      if (ticket !== latest) return;
      showHelp(input.value, true);
      status.textContent = "Search could not be loaded. You can browse the lists of entries instead.";
    });
  }

  var initial = params();
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
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
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
})();
