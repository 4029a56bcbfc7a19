/* PeerCommons search: loading the parts of the index a query needs (docs/search-store.md).
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

  /* The index ships in a compact form (see SearchIndexStage.WriteCompact): postings as delta-coded ref
     numbers, field vectors as delta-coded term indices and scores x 1000. This rebuilds exactly the
     object lunr.js serializes, for lunr.Index.load. */
  function expand(c) {
    var invertedIndex = c.terms.map(function (row) {
      var posting = { _index: row[1] };
      c.fields.forEach(function (field, f) {
        var refs = {}, n = 0, deltas = row[2 + f];
        for (var i = 0; i < deltas.length; i++) { n += deltas[i]; refs[n.toString(36)] = {}; }
        posting[field] = refs;
      });
      return [row[0], posting];
    });
    var fieldVectors = c.vectors.map(function (row) {
      var terms = row[2], scores = row[3], vector = new Array(terms.length * 2), t = 0;
      for (var i = 0; i < terms.length; i++) { t += terms[i]; vector[2 * i] = t; vector[2 * i + 1] = scores[i] / 1000; }
      return [c.fields[row[0]] + "/" + row[1].toString(36), vector];
    });
    return { version: c.version, fields: c.fields, fieldVectors: fieldVectors, invertedIndex: invertedIndex, pipeline: c.pipeline };
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
    var index = null, facets = null;

    function base36(n) { return n.toString(36); }

    /* The lunr index: the one line to change when the partitioned reader (window.PeerCommonsSearchIndex) lands. */
    function loadIndex() {
      if (!index) {
        index = loadScript(lunrUrl)
          .then(function () { return loadScript(indexUrl); })
          .then(function () { return window.lunr.Index.load(expand(window.PeerCommonsSearch.index)); });
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
      /* Resolves once lunr.js (its stemmer and stop words, used for excerpts) and the index are loaded. */
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
