/* PeerCommons search reader: answers lunr.js 2.3.9 queries from the partitioned index that
   PeerCommons.Search writes (src/PeerCommons.Search/FORMAT.md), loading the manifest and then only the
   parts a query needs. lunr.js does the parsing, the pipeline (stemmer), the term expansion of wildcards
   and fuzzy terms, the query vectors and the similarity; this file only finds the postings in the parts and
   follows lunr.Index.prototype.query step by step, so results, order and scores are lunr's own.
   Every file of the index is a script that calls PeerCommonsSearchIndex.add(key, data): no fetch, so it
   works from file:// and on any sub-path, under a CSP that allows only scripts from the site itself. */
(function (root) {
  "use strict";

  var registered = Object.create(null);

  /* Called by each file of the index as it runs. */
  function add(key, data) { registered[key] = data; }

  function insertScript(src) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = src;
      script.async = true;
      script.onload = function () { resolve(); };
      script.onerror = function () { script.remove(); reject(new Error("could not load " + src)); };
      document.head.appendChild(script);
    });
  }

  /* lunr enumerates a posting's refs with Object.keys: refs that are array indices ("0", "7", "10", but not
     "07" or "a") come first by value, then the others in the order they were set (document order). Each
     document's rank in that order: an index's value, else NOT_AN_INDEX + its number. Each is worked out
     the first time it is asked for. */
  var NOT_AN_INDEX = 4294967296;

  /* The manifest's "short" lists every term of at most this many UTF-16 code units (FORMAT.md). */
  var SHORT_TERM = 2;
  function keyRanks(refOf, documents) {
    var ranks = null;
    return function (n) {
      if (!ranks) ranks = new Float64Array(documents).fill(-1);
      if (ranks[n] < 0) {
        var ref = refOf(n);
        ranks[n] = /^(0|[1-9][0-9]*)$/.test(ref) && +ref < NOT_AN_INDEX - 1 ? +ref : NOT_AN_INDEX + n;
      }
      return ranks[n];
    };
  }

  /* Positions of a posting's documents in lunr's enumeration order (see keyRanks): the few whose refs are
     array indices, by value, then the others as they are (ascending document numbers). */
  function keyOrder(m, docs) {
    var indices = [], others = [];
    for (var i = 0; i < docs.length; i++) (m.keyRank(docs[i]) < NOT_AN_INDEX ? indices : others).push(i);
    indices.sort(function (a, b) { return m.keyRank(docs[a]) - m.keyRank(docs[b]); });
    return Int32Array.from(indices.concat(others));
  }

  /* A decoded posting as lunr's loaded index holds it: { _index, field: { ref: weight } }, refs set in
     document order (for the round-trip test). */
  function asLunrPosting(m, entry) {
    var lunrPosting = { _index: entry.index };
    m.fields.forEach(function (field, f) {
      var byRef = Object.create(null), p = entry.fields[f];
      for (var i = 0; i < p.docs.length; i++) byRef[m.refOf(p.docs[i])] = p.weights[i];
      lunrPosting[field] = byRef;
    });
    return lunrPosting;
  }

  /* Opens the index whose manifest is at manifestUrl (relative to the page, like a script's src).
     options.load(src) -> Promise loads one script (default: a <script src> in the page); options.lunr is
     lunr.js (default: window.lunr), options.scorer search-score.js (default: window.PeerCommonsSearchScore). */
  function open(manifestUrl, options) {
    options = options || {};
    var load = options.load || insertScript;
    var base = manifestUrl.slice(0, manifestUrl.lastIndexOf("/") + 1);
    var loading = Object.create(null);
    var manifest = null;
    var postings = Object.create(null);
    var lexicon = null;
    /* "" until refresh(): then a query string that fetches the manifest past the browser's cache. */
    var fresh = "";

    function lunr() { return options.lunr || root.lunr; }
    /* search-score.js: lunr's scoring over the loaded postings. */
    function scorer() { return options.scorer || root.PeerCommonsSearchScore; }

    /* Loads one file once; concurrent queries share the load, a failed load may be tried again. */
    function need(key, file) {
      if (!loading[key]) {
        loading[key] = load(base + file).then(function () {
          if (!(key in registered)) throw new Error(file + " did not register " + key);
          var data = registered[key];
          /* Parts are kept here, not in the page-wide list: another index may be open. */
          delete registered[key];
          return data;
        }, function (error) { delete loading[key]; throw error; });
      }
      return loading[key];
    }

    function loadManifest() {
      if (!manifest) {
        manifest = need("index", manifestUrl.slice(base.length) + fresh).then(function (m) {
          if (m.format !== 1) throw new Error("search index format " + m.format + " is not one this reader knows (1)");
          if (m.version !== lunr().version) throw new Error("search index is for lunr " + m.version + ", the page has " + lunr().version);
          /* A site's refs are document numbers in base 36, each written out once: a keystroke's search may
             name 20,000 results. */
          var written = [];
          var refOf = m.refs ? function (n) { return m.refs[n]; } : function (n) { return written[n] || (written[n] = n.toString(36)); };
          var documents = m.refs ? m.refs.length : m.documents;
          return {
            fields: m.fields,
            pipeline: lunr().Pipeline.load(m.pipeline),
            folder: m.folder,
            bounds: m.bounds,
            short: m.short ? new Set(m.short) : null,
            refOf: refOf,
            keyRank: keyRanks(refOf, documents),
            documents: documents
          };
        }, function (error) { manifest = null; throw error; });
      }
      return manifest;
    }

    /* The part that holds a term: the last whose first term (bound) sorts at or before it. */
    function partOf(m, term) {
      var low = 0, high = m.bounds.length - 1;
      while (low < high) {
        var middle = (low + high + 1) >> 1;
        if (m.bounds[middle] <= term) low = middle; else high = middle - 1;
      }
      return low;
    }

    /* The parts that may hold a term starting with prefix (a range of consecutive parts). */
    function partsWithPrefix(m, prefix) {
      var parts = [partOf(m, prefix)];
      for (var p = parts[0] + 1; p < m.bounds.length && m.bounds[p].lastIndexOf(prefix, 0) === 0; p++) parts.push(p);
      return parts;
    }

    /* Loads a part and files its rows by term; a row is decoded only when a query needs it. */
    function loadPart(m, p) {
      return need(m.folder + "/" + p, m.folder + "/" + p + ".js").then(function (rows) {
        if (!rows.filed) {
          rows.byTerm = Object.create(null);
          rows.forEach(function (row) { rows.byTerm[row[0]] = row; });
          rows.filed = true;
        }
        return rows;
      });
    }

    function loadLexicon(m) {
      if (!lexicon) {
        lexicon = need(m.folder + "/terms", m.folder + "/terms.js").then(function (coded) {
          var terms = [], previous = "";
          for (var i = 0; i < coded.length; i += 2) { previous = previous.slice(0, coded[i]) + coded[i + 1]; terms.push(previous); }
          return { terms: terms, tokenSet: lunr().TokenSet.fromArray(terms) };
        }, function (error) { lexicon = null; throw error; });
      }
      return lexicon;
    }

    /* A term's postings, decoded once: per field the documents holding it (numbers, ascending), the weight
       each one's field vector gives it, and the order in which lunr enumerates them (Object.keys of its
       posting object: refs that are array indices — "0", "1", …, "10" — first, by value; then document order),
       or null when that is document order. */
    function posting(m, row) {
      var term = row[0];
      if (postings[term]) return postings[term];
      var entry = { term: term, index: row[1], fields: [] };
      for (var f = 0; f < m.fields.length; f++) {
        var deltas = row[2 + 2 * f], coded = row[3 + 2 * f], count = deltas.length;
        var docs = new Int32Array(count), weights = new Float64Array(count), n = 0, indexKeys = false;
        for (var i = 0; i < count; i++) {
          n += deltas[i]; docs[i] = n; weights[i] = coded[i] / 1000;
          if (m.keyRank(n) < NOT_AN_INDEX) indexKeys = true;
        }
        entry.fields.push({ docs: docs, weights: weights, order: indexKeys ? keyOrder(m, docs) : null });
      }
      return (postings[term] = entry);
    }

    /* The terms of the index a clause term stands for, in the order lunr's tokenSet.intersect gives them,
       and the parts that hold them loaded. Exact terms need one part; a wildcard after a literal prefix
       needs the range of parts holding that prefix; fuzzy terms and leading wildcards need the term list. */
    function expand(m, clause) {
      var term = clause.term, fuzzy = "editDistance" in clause, star = term.indexOf("*");
      if (!fuzzy && star < 0) {
        /* A term of one or two letters the manifest does not list is in no part: nothing to load. */
        if (m.short && term.length <= SHORT_TERM && !m.short.has(term)) return Promise.resolve([]);
        var p = partOf(m, term);
        return loadPart(m, p).then(function (rows) { return rows.byTerm[term] ? [term] : []; });
      }
      var clauseSet = lunr().TokenSet.fromClause(clause);
      if (!fuzzy && star > 0) {
        var prefix = term.slice(0, star);
        return Promise.all(partsWithPrefix(m, prefix).map(function (q) { return loadPart(m, q); })).then(function (parts) {
          /* Every term with the prefix, sorted: the matches come out of lunr's intersection in the same order
             as from the whole index, as the branches it drops hold no match. */
          var candidates = [];
          parts.forEach(function (rows) {
            rows.forEach(function (row) { if (row[0].lastIndexOf(prefix, 0) === 0) candidates.push(row[0]); });
          });
          return lunr().TokenSet.fromArray(candidates).intersect(clauseSet).toArray();
        });
      }
      return loadLexicon(m).then(function (lex) {
        var found = lex.tokenSet.intersect(clauseSet).toArray(), parts = Object.create(null);
        found.forEach(function (t) { parts[partOf(m, t)] = true; });
        return Promise.all(Object.keys(parts).map(function (q) { return loadPart(m, +q); })).then(function () { return found; });
      });
    }

    /* Runs the pipeline and the expansion of every clause term (loading what they need), as
       lunr.Index.prototype.query does before it scores: [clause][pipeline term] -> expanded terms. */
    function plan(m, query) {
      return Promise.all(query.clauses.map(function (clause) {
        var terms = clause.usePipeline ? m.pipeline.runString(clause.term, { fields: clause.fields }) : [clause.term];
        return Promise.all(terms.map(function (term) {
          clause.term = term;
          return expand(m, clause).then(function (expanded) { return { term: term, expanded: expanded }; });
        }));
      }));
    }

    function rowOf(m, term) {
      return loadPart(m, partOf(m, term)).then(function (rows) { return rows.byTerm[term]; });
    }

    /* lunr's idx.query(fn): fn builds the lunr.Query. Resolves with [{ref, score, matchData}]. */
    function query(fn) {
      return loadManifest().then(function (m) {
        var built = new (lunr().Query)(m.fields);
        fn.call(built, built);
        return plan(m, built).then(function (planned) {
          var needed = Object.create(null);
          planned.forEach(function (terms) {
            terms.forEach(function (t) { t.expanded.forEach(function (term) { needed[term] = true; }); });
          });
          var terms = Object.keys(needed);
          return Promise.all(terms.map(function (term) { return rowOf(m, term); })).then(function (found) {
            var rows = Object.create(null);
            terms.forEach(function (term, i) { rows[term] = found[i]; });
            return scorer().score(lunr(), m, built, planned, function (term) { return posting(m, rows[term]); });
          });
        });
      });
    }

    /* lunr's idx.search(text): the query string in lunr's syntax; rejects with lunr.QueryParseError. */
    function search(text) {
      return query(function (q) { new (lunr().QueryParser)(text, q).parse(); });
    }

    /* Every term with its postings, loading every part: for the round-trip test, not for pages. */
    function decodeAll() {
      return loadManifest().then(function (m) {
        return Promise.all(m.bounds.map(function (b, p) { return loadPart(m, p); })).then(function (parts) {
          var all = Object.create(null);
          parts.forEach(function (rows) { rows.forEach(function (row) { all[row[0]] = asLunrPosting(m, posting(m, row)); }); });
          return all;
        });
      });
    }

    function terms() {
      return loadManifest().then(loadLexicon).then(function (lex) { return lex.terms; });
    }

    /* Forgets the manifest and every part, and fetches the manifest again past the browser's cache: after the
       site was rebuilt, the parts an older manifest names are gone (each build's parts have their own folder). */
    function refresh() {
      fresh = (manifestUrl.indexOf("?") < 0 ? "?" : "&") + "v=" + Date.now().toString(36);
      loading = Object.create(null);
      manifest = null;
      postings = Object.create(null);
      lexicon = null;
    }

    /* Loads and decodes what a search for this text will read (its terms' parts and postings) without
       scoring: called while the visitor types, so that the typing pause hides the loading. Never rejects. */
    function preload(text) {
      return loadManifest().then(function (m) {
        var built = new (lunr().Query)(m.fields);
        new (lunr().QueryParser)(text, built).parse();
        return plan(m, built).then(function (planned) {
          var needed = Object.create(null);
          planned.forEach(function (terms) {
            terms.forEach(function (t) { t.expanded.forEach(function (term) { needed[term] = true; }); });
          });
          return Promise.all(Object.keys(needed).map(function (term) {
            return rowOf(m, term).then(function (row) { if (row) posting(m, row); });
          })).then(function () { return null; });
        });
      }).catch(function () { return null; });
    }

    /* Loads the manifest ahead of a first query. */
    function prepare() { return loadManifest().then(function () { return null; }); }

    return { search: search, query: query, decodeAll: decodeAll, terms: terms, prepare: prepare, preload: preload, refresh: refresh };
  }

  root.PeerCommonsSearchIndex = { add: add, open: open };
})(typeof window !== "undefined" ? window : globalThis);
