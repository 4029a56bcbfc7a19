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

  /* The parts of one site's index, found from the search form's data attributes (each a link from this page). */
  function open(form) {
    var indexUrl = form.getAttribute("data-index");
    var folder = indexUrl.slice(0, indexUrl.lastIndexOf("/") + 1);
    var lunrUrl = form.getAttribute("data-lunr");
    var readerUrl = form.getAttribute("data-reader");
    var index = null, facets = null;

    function base36(n) { return n.toString(36); }

    /* lunr.js (its parser, stemmer and scoring) and the partitioned index's reader (search-reader.js), which
       loads the manifest and then only the posting parts each query needs, with this page's script loader. */
    function loadIndex() {
      if (!index) {
        index = loadScript(lunrUrl)
          .then(function () { return loadScript(readerUrl); })
          .then(function () { return window.PeerCommonsSearchIndex.open(indexUrl, { load: loadScript }); },
            function (error) { index = null; throw error; });
      }
      return index;
    }

    function loadFacets() {
      if (!facets) {
        facets = loadScript(folder + "facets.js").then(function () {
          var f = window.PeerCommonsSearchFacets;
          return {
            perPart: f.perPart, kinds: f.kinds, tags: f.tags, communities: f.communities,
            kindOf: unrun(f.kindRuns, f.count), communityOf: unrun(f.communityRuns, f.count)
          };
        });
      }
      return facets;
    }

    return {
      /* Resolves once lunr.js (its stemmer and stop words, used for excerpts) and the reader are loaded. */
      ready: function () { return loadIndex(); },
      /* lunr's idx.search with a Promise: [{ref, score, matchData}], refs being base-36 document numbers.
         Throws (rejects) on text lunr's query parser does not take. */
      search: function (query) {
        return loadIndex().then(function (idx) { return idx.search(query); });
      },
      facets: loadFacets,
      /* Loads the documents of these refs (numbers), resolving to an object from ref number to document. */
      documents: function (refs) {
        return loadFacets().then(function (f) {
          var parts = {};
          refs.forEach(function (ref) { parts[Math.floor(ref / f.perPart)] = true; });
          return Promise.all(Object.keys(parts).map(function (part) {
            return loadScript(folder + "docs/" + base36(+part) + ".js");
          })).then(function () {
            var store = window.PeerCommonsSearchDocs, byRef = {};
            refs.forEach(function (ref) {
              var first = ref - ref % f.perPart;
              byRef[ref] = toDocument(store[first][ref - first]);
            });
            return byRef;
          });
        });
      },
      /* The refs (numbers) carrying the tag at this position of facets.tags, as an object used as a set. */
      tagged: function (tag) {
        return loadScript(folder + "tags/" + base36(tag) + ".js").then(function () {
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
