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

  /* Opens the index whose manifest is at manifestUrl (relative to the page, like a script's src).
     options.load(src) -> Promise loads one script (default: a <script src> in the page); options.lunr is
     lunr.js (default: window.lunr). */
  function open(manifestUrl, options) {
    options = options || {};
    var load = options.load || insertScript;
    var base = manifestUrl.slice(0, manifestUrl.lastIndexOf("/") + 1);
    var loading = Object.create(null);
    var manifest = null;
    var postings = Object.create(null);
    var lexicon = null;

    function lunr() { return options.lunr || root.lunr; }

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
        manifest = need("index", manifestUrl.slice(base.length)).then(function (m) {
          if (m.format !== 1) throw new Error("search index format " + m.format + " is not one this reader knows (1)");
          if (m.version !== lunr().version) throw new Error("search index is for lunr " + m.version + ", the page has " + lunr().version);
          return {
            fields: m.fields,
            pipeline: lunr().Pipeline.load(m.pipeline),
            folder: m.folder,
            bounds: m.bounds,
            refOf: m.refs ? function (n) { return m.refs[n]; } : function (n) { return n.toString(36); },
            documents: m.refs ? m.refs.length : m.documents
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

    /* A term's postings as lunr's loaded index has them: per field an object whose keys are the refs,
       inserted in document order (so Object.keys enumerates them as lunr's would), valued by weight. */
    function posting(m, row) {
      var term = row[0];
      if (postings[term]) return postings[term];
      var entry = { _index: row[1] };
      m.fields.forEach(function (field, f) {
        var docs = row[2 + 2 * f], weights = row[3 + 2 * f], byRef = Object.create(null), n = 0;
        for (var i = 0; i < docs.length; i++) { n += docs[i]; byRef[m.refOf(n)] = weights[i] / 1000; }
        entry[field] = byRef;
      });
      return (postings[term] = entry);
    }

    /* The terms of the index a clause term stands for, in the order lunr's tokenSet.intersect gives them,
       and the parts that hold them loaded. Exact terms need one part; a wildcard after a literal prefix
       needs the range of parts holding that prefix; fuzzy terms and leading wildcards need the term list. */
    function expand(m, clause) {
      var term = clause.term, fuzzy = "editDistance" in clause, star = term.indexOf("*");
      if (!fuzzy && star < 0) {
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
      return loading[m.folder + "/" + partOf(m, term)].then(function (rows) { return rows.byTerm[term]; });
    }

    /* lunr.Index.prototype.query (lunr 2.3.9), with this.invertedIndex[term] read from the loaded parts and
       each field vector restricted to the query's terms, which gives the same dot product, term for term. */
    function score(m, query, planned, rows) {
      var L = lunr(), queryVectors = Object.create(null), matchingFields = Object.create(null),
          termFieldCache = Object.create(null), requiredMatches = Object.create(null),
          prohibitedMatches = Object.create(null), byTermIndex = Object.create(null);
      m.fields.forEach(function (field) { queryVectors[field] = new L.Vector(); });

      query.clauses.forEach(function (clause, c) {
        var clauseMatches = L.Set.empty;
        for (var t = 0; t < planned[c].length; t++) {
          clause.term = planned[c][t].term;
          var expandedTerms = planned[c][t].expanded;
          if (expandedTerms.length === 0 && clause.presence === L.Query.presence.REQUIRED) {
            clause.fields.forEach(function (field) { requiredMatches[field] = L.Set.empty; });
            break;
          }
          expandedTerms.forEach(function (expandedTerm) {
            var entry = posting(m, rows[expandedTerm]), termIndex = entry._index;
            byTermIndex[termIndex] = entry;
            clause.fields.forEach(function (field) {
              var fieldPosting = entry[field], matchingDocumentRefs = Object.keys(fieldPosting),
                  termField = expandedTerm + "/" + field, matchingDocumentsSet = new L.Set(matchingDocumentRefs);
              if (clause.presence === L.Query.presence.REQUIRED) {
                clauseMatches = clauseMatches.union(matchingDocumentsSet);
                if (requiredMatches[field] === undefined) requiredMatches[field] = L.Set.complete;
              }
              if (clause.presence === L.Query.presence.PROHIBITED) {
                if (prohibitedMatches[field] === undefined) prohibitedMatches[field] = L.Set.empty;
                prohibitedMatches[field] = prohibitedMatches[field].union(matchingDocumentsSet);
                return;
              }
              queryVectors[field].upsert(termIndex, clause.boost, function (a, b) { return a + b; });
              if (termFieldCache[termField]) return;
              matchingDocumentRefs.forEach(function (ref) {
                var fieldRef = new L.FieldRef(ref, field), match = matchingFields[fieldRef];
                if (match === undefined) matchingFields[fieldRef] = new L.MatchData(expandedTerm, field, {});
                else match.add(expandedTerm, field, {});
              });
              termFieldCache[termField] = true;
            });
          });
          if (clause.presence === L.Query.presence.REQUIRED) {
            clause.fields.forEach(function (field) { requiredMatches[field] = requiredMatches[field].intersect(clauseMatches); });
          }
        }
      });

      var allRequiredMatches = L.Set.complete, allProhibitedMatches = L.Set.empty;
      m.fields.forEach(function (field) {
        if (requiredMatches[field]) allRequiredMatches = allRequiredMatches.intersect(requiredMatches[field]);
        if (prohibitedMatches[field]) allProhibitedMatches = allProhibitedMatches.union(prohibitedMatches[field]);
      });

      var matchingFieldRefs = Object.keys(matchingFields), results = [], matches = Object.create(null);
      if (query.isNegated()) {
        /* Object.keys(fieldVectors): every document's field vectors, in document order. */
        matchingFieldRefs = [];
        for (var n = 0; n < m.documents; n++) {
          m.fields.forEach(function (field) {
            var key = field + "/" + m.refOf(n);
            matchingFieldRefs.push(key);
            matchingFields[key] = new L.MatchData();
          });
        }
      }

      matchingFieldRefs.forEach(function (key) {
        var fieldRef = L.FieldRef.fromString(key), docRef = fieldRef.docRef;
        if (!allRequiredMatches.contains(docRef) || allProhibitedMatches.contains(docRef)) return;
        var queryVector = queryVectors[fieldRef.fieldName], elements = [], q = queryVector.elements;
        for (var i = 0; i < q.length; i += 2) {
          var weight = byTermIndex[q[i]][fieldRef.fieldName][docRef];
          if (weight !== undefined) elements.push(q[i], weight);
        }
        var value = queryVector.similarity(new L.Vector(elements)), docMatch = matches[docRef];
        if (docMatch !== undefined) {
          docMatch.score += value;
          docMatch.matchData.combine(matchingFields[fieldRef]);
        } else {
          var match = { ref: docRef, score: value, matchData: matchingFields[fieldRef] };
          matches[docRef] = match;
          results.push(match);
        }
      });
      return results.sort(function (a, b) { return b.score - a.score; });
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
            return score(m, built, planned, rows);
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
          parts.forEach(function (rows) { rows.forEach(function (row) { all[row[0]] = posting(m, row); }); });
          return all;
        });
      });
    }

    function terms() {
      return loadManifest().then(loadLexicon).then(function (lex) { return lex.terms; });
    }

    return { search: search, query: query, decodeAll: decodeAll, terms: terms };
  }

  root.PeerCommonsSearchIndex = { add: add, open: open };
})(typeof window !== "undefined" ? window : globalThis);
