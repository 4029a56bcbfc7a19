/* PeerCommons search: loading the parts a query needs. The index's postings are read by search-reader.js
   (src/PeerCommons.Search/FORMAT.md); facets, result documents and tags are the store (docs/search-store.md).
   Every part is a script that registers itself on window, so nothing is fetched with fetch():
   it works from file://, under any sub-path and under the site's CSP. */
(function () {
  "use strict";

  var loaded = {};

  /* Loads a script once; later calls get the same promise. */
  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = src;
        script.onload = resolve;
        script.onerror = function () { delete loaded[src]; reject(new Error("could not load " + src)); };
        document.head.appendChild(script);
      });
    }
    return loaded[src];
  }

  /* Run lengths ([code, count, code, count, …]) back to one code per ref. */
  function unrun(runs, count) {
    var codes = new Int32Array(count), at = 0;
    for (var i = 0; i < runs.length; i += 2) codes.fill(runs[i], at, at + runs[i + 1]), at += runs[i + 1];
    return codes;
  }

  /* search-excerpt.js stems every word of the results it shows with lunr.stemmer, keystroke after keystroke,
     mostly the same words: lunr.stemmer keeps each word's stem once worked out. The index's own pipeline is
     not touched (lunr.Pipeline.load takes the stemmer lunr registered, not this one). */
  function rememberStems(lunr) {
    if (lunr.stemmer.remembers) return;
    var stem = lunr.stemmer, known = new Map();
    lunr.stemmer = function (token) {
      var word = token.toString(), stemmed = known.get(word);
      if (stemmed === undefined) known.set(word, stemmed = stem(new lunr.Token(word)).toString());
      return token.update(function () { return stemmed; });
    };
    lunr.stemmer.remembers = true;
  }

  /* The parts of one site's index, found from the search form's data attributes (each a link from this page). */
  function open(form) {
    var indexUrl = form.getAttribute("data-index");
    var folder = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);
    var lunrUrl = form.getAttribute("data-lunr");
    var readerUrl = form.getAttribute("data-reader");
    var scoreUrl = form.getAttribute("data-score");
    var index = null, facets = null;
    /* "" until refresh(); then a query string that makes the browser fetch the store's files again rather
       than take copies of an older build from its cache (the store's files keep their names across builds). */
    var fresh = "";

    function base36(n) { return n.toString(36); }

    /* lunr.js (its parser, stemmer and scoring) and the partitioned index's reader (search-reader.js), which
       loads the manifest and then only the posting parts each query needs, with this page's script loader.
       The three scripts (with the reader's scoring, search-score.js) load side by side: none of them needs
       another until it answers. */
    function loadIndex() {
      if (!index) {
        index = Promise.all([loadScript(lunrUrl), loadScript(readerUrl), loadScript(scoreUrl)])
          .then(function () {
            rememberStems(window.lunr);
            return window.PeerCommonsSearchIndex.open(indexUrl, { load: loadScript });
          })
          .catch(function (error) { index = null; throw error; });
      }
      return index;
    }

    function loadFacets() {
      if (!facets) {
        facets = loadScript(folder + "facets.js" + fresh).then(function () {
          var f = window.PeerCommonsSearchFacets;
          return {
            perPart: f.perPart, kinds: f.kinds, tags: f.tags, communities: f.communities,
            kindOf: unrun(f.kindRuns, f.count), communityOf: unrun(f.communityRuns, f.count)
          };
        }, function (error) { facets = null; throw error; });
      }
      return facets;
    }

    return {
      /* Resolves once lunr.js (its stemmer and stop words, used for excerpts) and the reader are loaded. */
      ready: function () { return loadIndex(); },
      /* Starts loading what every search needs (lunr.js, the reader, the manifest, the facets), so that it
         arrives while the visitor is still typing. Failures are left for the search to report. */
      warm: function () {
        return Promise.all([loadIndex().then(function (idx) { return idx.prepare(); }), loadFacets()])
          .catch(function () { return null; });
      },
      /* Loads what a search for this text will read, without searching (see the reader's preload); never rejects. */
      preload: function (text) {
        return loadIndex().then(function (idx) { return idx.preload(text); }).catch(function () { return null; });
      },
      /* lunr's idx.search with a Promise: [{ref, score, matchData, doc}], refs being base-36 document numbers
         and doc the same number (search-score.js).
         Rejects with lunr.QueryParseError on text lunr's query parser does not take, and with another
         error when a part of the index could not be loaded. */
      search: function (query) {
        return loadIndex().then(function (idx) { return idx.search(query); });
      },
      /* Forgets everything loaded of the index and the store and loads them again from the server, past
         the browser's cache: after the site was rebuilt, parts named by an older manifest are gone and the
         store's files no longer match what was loaded. */
      refresh: function () {
        fresh = "?v=" + Date.now().toString(36);
        facets = null;
        window.PeerCommonsSearchDocs = {};
        return loadIndex().then(function (idx) { idx.refresh(); });
      },
      facets: loadFacets,
      /* Loads the documents of these refs (numbers), resolving to an object from ref number to document. */
      documents: function (refs) {
        return loadFacets().then(function (f) {
          var parts = {};
          refs.forEach(function (ref) { parts[Math.floor(ref / f.perPart)] = true; });
          return Promise.all(Object.keys(parts).map(function (part) {
            return loadScript(folder + "docs/" + base36(+part) + ".js" + fresh);
          })).then(function () {
            var store = window.PeerCommonsSearchDocs, byRef = {};
            refs.forEach(function (ref) {
              var first = ref - ref % f.perPart;
              if (!store[first]) throw new Error("the search store has no document " + ref);
              byRef[ref] = toDocument(store[first][ref - first]);
            });
            return byRef;
          });
        });
      },
      /* The refs (numbers) carrying the tag at this position of facets.tags, as an object used as a set. */
      tagged: function (tag) {
        return loadScript(folder + "tags/" + base36(tag) + ".js" + fresh).then(function () {
          var set = {}, n = 0, deltas = window.PeerCommonsSearchTags[tag];
          for (var i = 0; i < deltas.length; i++) { n += deltas[i]; set[n] = true; }
          return set;
        });
      }
    };
  }

  /* A store row ([title, url, kind, summary, tags, community, community title, target, voice, sections]) by name. */
  function toDocument(row) {
    return {
      title: row[0], url: row[1], kind: row[2], summary: row[3], tags: row[4], community: row[5],
      communityTitle: row[6], target: row[7], voice: row[8],
      sections: row[9].map(function (s) { return { id: s[0], heading: s[1], text: s[2] }; })
    };
  }

  window.PeerCommonsSearchParts = { open: open };
})();
