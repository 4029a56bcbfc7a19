/* PeerCommons search: what one result shows. The excerpt comes from the part of the document where the
   query's words are (a section, else the summary), the words are marked with <mark>, and a result whose
   words are in a section links to that section and names it. Built with DOM APIs only: contributors'
   text is never parsed as HTML. Needs lunr.js (its stemmer and stop words) once a search has loaded it. */
(function () {
  "use strict";

  var EXCERPT_CHARS = 220;
  var BEFORE_MATCH = 60;

  /* What the index's trimmer strips from the ends of words (PeerCommons.Search's Unicode trimmer):
     anything but letters, combining marks, numbers and connector punctuation. */
  var NOT_WORD = "[^\\p{L}\\p{M}\\p{N}\\p{Pc}]";
  var TRIM = new RegExp("^" + NOT_WORD + "+|" + NOT_WORD + "+$", "gu");

  function stem(word) { return window.lunr.stemmer(new window.lunr.Token(word)).toString(); }

  /* The query's plain words, as the index holds them before stemming: lunr's separators, lunr's query
     syntax (+ - field: * ~n ^n) and punctuation ("café?", "(peer)", quotes) removed, stop words dropped. */
  function words(text) {
    return text.toLowerCase().split(/[\s\-]+/).map(function (word) {
      return word.replace(/^[+\-]+|[*~^].*$|^[\p{L}\p{N}_]+:(?=.)/gu, "").replace(TRIM, "");
    }).filter(function (word) {
      return word && window.lunr.stopWordFilter(new window.lunr.Token(word)) !== undefined;
    });
  }

  function stems(text) { return words(text).map(stem); }

  /* The text split as lunr's tokenizer splits (white space and hyphens, kept as their own parts), each part
     with its word as the index holds it and that word's stem. Each keystroke looks again at the sections of
     mostly the same documents: a text's split is kept (the texts of the last few hundred kept). */
  var KEPT_TEXTS = 500;
  var split = new Map();
  function tokens(text) {
    var known = split.get(text);
    if (known) return known;
    if (split.size >= KEPT_TEXTS) split.clear();
    known = text.split(/([\s\-]+)/).map(function (part) {
      var word = part.toLowerCase().replace(TRIM, "");
      return { text: part, word: word, stem: word && stem(word) };
    });
    split.set(text, known);
    return known;
  }

  /* The text's parts (see tokens), each with the query stem it matches: its own stem, or a word being typed
     (a stem's start). */
  function parts(text, queryStems) {
    return tokens(text).map(function (token) {
      var match = null;
      if (token.word) {
        for (var i = 0; i < queryStems.length && !match; i++) {
          var q = queryStems[i];
          if (token.stem === q || (q.length > 2 && token.word.indexOf(q) === 0)) match = q;
        }
      }
      return { text: token.text, match: match };
    });
  }

  /* How well a text matches: distinct query words first, then how often they occur. */
  function score(text, queryStems) {
    var seen = {}, distinct = 0, hits = 0;
    parts(text, queryStems).forEach(function (p) {
      if (!p.match) return;
      hits++;
      if (!seen[p.match]) { seen[p.match] = true; distinct++; }
    });
    return distinct * 1000 + hits;
  }

  /* The best-matching part of the document: { id, heading, text } of a section, or the summary (no id). */
  function bestPart(doc, queryStems) {
    var best = null, bestScore = 0;
    var candidates = [{ id: null, heading: null, text: doc.summary }].concat(doc.sections);
    candidates.forEach(function (c) {
      /* A section's heading counts as its words: "Tensions" matches the section under it. */
      var s = score((c.heading ? c.heading + " " : "") + (c.text || ""), queryStems);
      if (s > bestScore) { best = c; bestScore = s; }
    });
    return best || { id: null, heading: null, text: doc.summary || (doc.sections[0] ? doc.sections[0].text : "") };
  }

  /* About EXCERPT_CHARS of the text, starting a little before the first matched word, cut at spaces. */
  function cut(list) {
    var first = -1, offset = 0, offsets = list.map(function (p) { var at = offset; offset += p.text.length; return at; });
    for (var i = 0; i < list.length && first < 0; i++) if (list[i].match) first = i;
    var from = 0;
    if (first >= 0 && offsets[first] > BEFORE_MATCH) {
      from = first;
      while (from > 0 && offsets[first] - offsets[from - 1] <= BEFORE_MATCH) from--;
      while (from < first && /^[\s\-]+$/.test(list[from].text)) from++;
    }
    var to = from, length = 0;
    while (to < list.length && (length + list[to].text.length <= EXCERPT_CHARS || to === from)) { length += list[to].text.length; to++; }
    while (to > from + 1 && /^[\s\-]+$/.test(list[to - 1].text)) to--;
    return { parts: list.slice(from, to), before: from > 0, after: to < list.length };
  }

  /* A matched part split into the punctuation before the word, the word, and the punctuation after it
     (the same ends TRIM strips), so that "mutuality," marks "mutuality" and leaves the comma outside. */
  var WORD_ENDS = new RegExp("^(" + NOT_WORD + "*)([\\s\\S]*?)(" + NOT_WORD + "*)$", "u");

  /* The parts as text nodes into the element, with the words matching the query wrapped in <mark>. */
  function mark(element, list) {
    list.forEach(function (p) {
      if (!p.match) { element.appendChild(document.createTextNode(p.text)); return; }
      var ends = WORD_ENDS.exec(p.text);
      if (ends[1]) element.appendChild(document.createTextNode(ends[1]));
      var marked = document.createElement("mark");
      marked.textContent = ends[2];
      element.appendChild(marked);
      if (ends[3]) element.appendChild(document.createTextNode(ends[3]));
    });
  }

  /* The excerpt, with "…" where it cuts the text. */
  function highlighted(text, queryStems) {
    var fragment = document.createDocumentFragment();
    var excerpt = cut(parts(text, queryStems));
    if (excerpt.before) fragment.appendChild(document.createTextNode("\u2026 "));
    mark(fragment, excerpt.parts);
    if (excerpt.after) fragment.appendChild(document.createTextNode(" \u2026"));
    return fragment;
  }

  /* One result as a list item; root leads from the search page to the site root. An annotation's URL
     already holds its place on the target page; an entry's leads to the section its words are in. */
  function item(doc, queryStems, root) {
    var part = bestPart(doc, queryStems);
    var li = document.createElement("li");
    li.className = "search-result";
    var link = document.createElement("a");
    link.className = "search-result-link";
    link.href = root + doc.url + (part.id && doc.url.indexOf("#") < 0 ? "#" + part.id : "");
    link.textContent = doc.title;
    if (part.heading) {
      var where = document.createElement("span");
      where.className = "search-result-section";
      where.appendChild(document.createTextNode(" \u203a "));
      mark(where, parts(part.heading, queryStems));
      link.appendChild(where);
    }
    var meta = document.createElement("span");
    meta.className = "search-result-meta";
    meta.textContent = doc.kind + (doc.communityTitle ? " from " + doc.communityTitle : "") + (doc.target ? ", on " + doc.target : "");
    var snippet = document.createElement("p");
    snippet.className = "search-result-snippet";
    snippet.appendChild(highlighted(part.text || "", queryStems));
    li.appendChild(link);
    li.appendChild(document.createTextNode(" "));
    li.appendChild(meta);
    li.appendChild(snippet);
    if (doc.voice) {
      /* Whose words an annotation is: its community's, or editors' compiled from research. */
      var voice = document.createElement("p");
      voice.className = "search-result-voice";
      voice.textContent = doc.voice + ".";
      li.appendChild(voice);
    }
    return li;
  }

  window.PeerCommonsSearchExcerpt = { words: words, stems: stems, item: item };
})();
