/* PeerCommons search scoring: lunr.Index.prototype.query (lunr 2.3.9) over the postings search-reader.js
   loaded, with arrays over document numbers in place of lunr's sets, field refs and vectors, so that a word
   found in most documents of a large site is scored in milliseconds rather than seconds on a phone. Results,
   their order, scores and matchData are lunr's own: the conformance tests in PeerCommons.Search.Tests compare
   them with lunr.js on the whole index (src/PeerCommons.Search/FORMAT.md, "How a query is answered"). */
(function (root) {
  "use strict";

  /* lunr's query(fn) after the terms are expanded: planned[clause][pipeline term] = { term, expanded: [terms
     of the index] }, postingOf(term) the decoded posting (search-reader.js). Every step that decides a
     result, its order or its score is lunr's, in lunr's order:
     - a document field matches when a term of a clause that is not prohibited is in it; documents come in
       the order of their first matching field ref, and fields of a document in the order they first match
       (lunr's matchingFields keys, filled term by term, field by field, refs as Object.keys gives them);
     - a field's value is lunr.Vector's similarity: the dot product over the query vector's terms in
       ascending term index (products added in that order), divided by the query vector's magnitude, || 0;
       a document's score adds its fields' values in their order; the sort is lunr's (stable, by score);
     - required and prohibited clauses narrow the documents exactly as lunr's Set.complete/empty, union
       and intersect do, per field;
     - matchData (lunr.MatchData, built with lunr's own add and combine in lunr's order) is made only when a
       result's matchData is read: pages read refs only. */
  function score(L, m, query, planned, postingOf) {
    var fields = m.fields, F = fields.length, N = m.documents, ALL = true, presence = L.Query.presence;
    var fieldNumber = Object.create(null);
    fields.forEach(function (field, f) { fieldNumber[field] = f; });
    var queryVectors = fields.map(function () { return new L.Vector(); });
    var byTermIndex = Object.create(null), termFieldSeen = Object.create(null), events = [];
    var required = [], prohibited = [], firstDocs = [];
    var buffers = scratch(N, F), fieldCount = buffers.fieldCount, fieldOrder = buffers.fieldOrder, fieldSeen = buffers.fieldSeen;

    /* Sets of documents: ALL (lunr.Set.complete) or one flag per document; union adds a posting's documents. */
    function union(set, docs) {
      if (set === ALL) return set;
      set = set || new Uint8Array(N);
      for (var i = 0; i < docs.length; i++) set[docs[i]] = 1;
      return set;
    }
    function either(a, b) {
      if (a === ALL || b === ALL) return ALL;
      var any = new Uint8Array(N);
      for (var n = 0; n < N; n++) any[n] = a[n] | b[n];
      return any;
    }
    function intersect(a, b) {
      if (a === ALL) return b === ALL ? b : b.slice();
      if (b === ALL) return a;
      var both = new Uint8Array(N);
      for (var n = 0; n < N; n++) both[n] = a[n] & b[n];
      return both;
    }

    query.clauses.forEach(function (clause, c) {
      var clauseMatches = new Uint8Array(N);
      for (var t = 0; t < planned[c].length; t++) {
        var expandedTerms = planned[c][t].expanded;
        if (expandedTerms.length === 0 && clause.presence === presence.REQUIRED) {
          clause.fields.forEach(function (field) { required[fieldNumber[field]] = new Uint8Array(N); });
          break;
        }
        expandedTerms.forEach(function (expandedTerm) {
          var entry = postingOf(expandedTerm);
          clause.fields.forEach(function (field) {
            var f = fieldNumber[field], p = entry.fields[f];
            if (clause.presence === presence.REQUIRED) {
              union(clauseMatches, p.docs);
              if (required[f] === undefined) required[f] = ALL;
            }
            if (clause.presence === presence.PROHIBITED) {
              prohibited[f] = union(prohibited[f], p.docs);
              return;
            }
            queryVectors[f].upsert(entry.index, clause.boost, function (a, b) { return a + b; });
            byTermIndex[entry.index] = entry;
            if (termFieldSeen[expandedTerm + "/" + field]) return;
            termFieldSeen[expandedTerm + "/" + field] = true;
            events.push({ term: expandedTerm, field: field, f: f, docs: p.docs });
            for (var i = 0; i < p.docs.length; i++) {
              var n = p.docs[p.order ? p.order[i] : i];
              if (fieldSeen[n * F + f]) continue;
              fieldSeen[n * F + f] = 1;
              if (fieldCount[n] === 0) firstDocs.push(n);
              fieldOrder[n * F + fieldCount[n]++] = f;
            }
          });
        });
        if (clause.presence === presence.REQUIRED) {
          clause.fields.forEach(function (field) { required[fieldNumber[field]] = intersect(required[fieldNumber[field]], clauseMatches); });
        }
      }
    });

    var allRequired = ALL, allProhibited = null;
    for (var f = 0; f < F; f++) {
      if (required[f] !== undefined) allRequired = intersect(allRequired, required[f]);
      if (prohibited[f] !== undefined) allProhibited = allProhibited ? either(allProhibited, prohibited[f]) : prohibited[f];
    }

    /* A query of prohibited clauses only matches every document field, in document order, with no terms. */
    if (query.isNegated()) {
      firstDocs = [];
      for (var d = 0; d < N; d++) {
        firstDocs.push(d);
        fieldCount[d] = F;
        for (var g = 0; g < F; g++) fieldOrder[d * F + g] = g;
      }
    }

    /* Each field's dot products, term by term in ascending term index as lunr.Vector.dot adds them. */
    var dots = queryVectors.map(function (vector, f) {
      var dot = buffers.dots[f], q = vector.elements;
      for (var i = 0; i < q.length; i += 2) {
        var p = byTermIndex[q[i]].fields[f], weight = q[i + 1];
        for (var j = 0; j < p.docs.length; j++) dot[p.docs[j]] += weight * p.weights[j];
      }
      return dot;
    });
    var magnitudes = queryVectors.map(function (vector) { return vector.magnitude(); });

    /* One result: lunr's { ref, score, matchData }, and the document's number; matchData is made when read,
       from the events alone (the buffers above serve the next query by then). */
    var negated = query.isNegated();
    function Hit(ref, score, doc) {
      this.ref = ref;
      this.score = score;
      this.doc = doc;
    }
    Object.defineProperty(Hit.prototype, "matchData", {
      get: function () {
        var made = matchDataOf(L, fieldsOf(this.doc, F, negated, events), events, this.doc);
        Object.defineProperty(this, "matchData", { value: made, enumerable: true });
        return made;
      }
    });
    var results = [];
    firstDocs.forEach(function (n) {
      if ((allRequired !== ALL && !allRequired[n]) || (allProhibited && allProhibited[n])) return;
      var total = 0;
      for (var k = 0; k < fieldCount[n]; k++) {
        var field = fieldOrder[n * F + k], value = dots[field][n] / magnitudes[field] || 0;
        total = k === 0 ? value : total + value;
      }
      results.push(new Hit(m.refOf(n), total, n));
    });

    return byScore(results);
  }

  /* lunr's results.sort(function (a, b) { return b.score - a.score; }), a stable sort, without calling a
     comparator some 300,000 times for 20,000 results: a radix sort (stable, so equal scores keep their
     order) over each score's 64 bits, turned so that unsigned order is descending score, a byte at a time
     from the lowest, skipping bytes all scores share. A score is never NaN or -0 (see score: "|| 0"). */
  function byScore(hits) {
    var count = hits.length, keys = new Float64Array(count), words = new Uint32Array(keys.buffer);
    for (var i = 0; i < count; i++) {
      keys[i] = hits[i].score;
      /* A positive score's bits grow with it: inverted (sign bit clear), a higher score comes first; a
         negative score's bits (sign bit set) grow as it falls, so negative scores come after, lowest last. */
      if (!(words[2 * i + 1] & 0x80000000)) { words[2 * i + 1] = ~words[2 * i + 1] & 0x7fffffff; words[2 * i] = ~words[2 * i]; }
    }
    var order = new Int32Array(count), next = new Int32Array(count), counts = new Int32Array(256);
    for (var j = 0; j < count; j++) order[j] = j;
    for (var byte = 0; byte < 8; byte++) {
      var word = byte < 4 ? 0 : 1, shift = 8 * (byte % 4);
      counts.fill(0);
      for (var a = 0; a < count; a++) counts[(words[2 * a + word] >>> shift) & 255]++;
      if (counts[(words[word] >>> shift) & 255] === count) continue;
      for (var d = 0, total = 0; d < 256; d++) { var c = counts[d]; counts[d] = total; total += c; }
      for (var b = 0; b < count; b++) { var at = order[b]; next[counts[(words[2 * at + word] >>> shift) & 255]++] = at; }
      var swap = order; order = next; next = swap;
    }
    var out = new Array(count);
    for (var h = 0; h < count; h++) out[h] = hits[order[h]];
    return out;
  }

  /* The buffers of one size, kept from query to query and emptied before each: a keystroke's search would
     otherwise allocate about a megabyte at 25,000 documents, and collecting it took a good part of a
     keystroke on a throttled phone. No result reads them after its query (see fieldsOf). */
  var kept = null;
  function scratch(N, F) {
    if (!kept || kept.N !== N || kept.F !== F) {
      kept = {
        N: N, F: F, fieldCount: new Uint8Array(N), fieldOrder: new Uint8Array(N * F), fieldSeen: new Uint8Array(N * F),
        dots: Array.from({ length: F }, function () { return new Float64Array(N); })
      };
    } else {
      kept.fieldCount.fill(0);
      kept.fieldSeen.fill(0);
      kept.dots.forEach(function (dot) { dot.fill(0); });
    }
    return kept;
  }

  /* A document's fields in the order they first matched, worked out again from the events (term and field
     pairs, in the order the scoring met them): a field comes at its first event holding the document, as
     the scoring's fieldOrder has it. A query of prohibited clauses only has every field, in order. */
  function fieldsOf(n, F, negated, events) {
    var order = [], seen = new Uint8Array(F);
    if (negated) { for (var f = 0; f < F; f++) order.push(f); return order; }
    events.forEach(function (event) {
      if (!seen[event.f] && holds(event.docs, n)) { seen[event.f] = 1; order.push(event.f); }
    });
    return order;
  }

  /* A document's lunr.MatchData: per matching field, in the document's field order, a MatchData made with the
     field's first term and added to with the next ones (lunr's matchingFields), combined field after field. */
  function matchDataOf(L, order, events, n) {
    var combined = null;
    for (var k = 0; k < order.length; k++) {
      var f = order[k], data = null;
      events.forEach(function (event) {
        if (event.f !== f || !holds(event.docs, n)) return;
        if (data) data.add(event.term, event.field, {});
        else data = new L.MatchData(event.term, event.field, {});
      });
      data = data || new L.MatchData();
      if (combined) combined.combine(data); else combined = data;
    }
    return combined || new L.MatchData();
  }

  /* Whether an ascending array holds n (binary search). */
  function holds(docs, n) {
    var low = 0, high = docs.length - 1;
    while (low <= high) {
      var middle = (low + high) >> 1;
      if (docs[middle] === n) return true;
      if (docs[middle] < n) low = middle + 1; else high = middle - 1;
    }
    return false;
  }

  root.PeerCommonsSearchScore = { score: score };
})(typeof window !== "undefined" ? window : globalThis);
