/* The propose form's rules: check a proposal as `peercommons check` would (same codes, same words)
   and write the file it becomes. No DOM here: the site build's test runs this file with node and
   compares its findings with check's. The rules come from the form model the build writes
   (window.PeerCommonsPropose), made from the content schema, so they follow it. What grows with the
   site (its keys, the headings of its entries) comes in parts that connect() loads on demand, so
   validate() is async: a rule that needs a part waits for it rather than guessing. */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory();
  else root.PeerCommonsProposeRules = factory();
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  const slugPattern = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const isSlug = text => text.length <= 100 && slugPattern.test(text);
  const short = text => text.length <= 60 ? text : text.slice(0, 57) + '...';

  function distance(a, b) {
    if (a.length > 64 || b.length > 64) return Math.abs(a.length - b.length) + 64;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j), current = new Array(b.length + 1);
    for (let i = 1; i <= a.length; i++) {
      current[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(current[j - 1] + 1, previous[j] + 1, previous[j - 1] + cost);
      }
      [previous, current] = [current, previous];
    }
    return previous[b.length];
  }

  // "; did you mean 'x'?" when a candidate is plausibly what was meant (as check suggests it).
  function didYouMean(word, candidates) {
    let best = null, bestDistance = Infinity;
    for (const candidate of candidates) {
      const d = distance(word, candidate);
      if (d < bestDistance || (d === bestDistance && candidate < best)) { best = candidate; bestDistance = d; }
    }
    return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? `; did you mean '${best}'?` : '';
  }

  function suggestSlug(text) {
    const slug = text.toLowerCase().replace(/[^a-z0-9]/g, '-').split('-').filter(Boolean).join('-');
    return slug.length === 0 ? 'peer-support' : slug;
  }

  const pad4 = n => String(n).padStart(4, '0');
  const isLeap = y => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const daysIn = (y, month) => month === 2 ? (isLeap(y) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

  // A real calendar date written YYYY-MM-DD.
  function isDate(text) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) return false;
    const [y, mo, d] = [+m[1], +m[2], +m[3]];
    return y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
  }

  // Why text shaped YYYY-MM-DD is still not a date, as check words it; null when it is not in that shape.
  function dateProblem(text, monthNames) {
    // The history-date rule owns the wording, as in check.
    return /^\d{4}-\d{2}-\d{2}$/.test(text) ? historyDateProblem(text, monthNames).problem : null;
  }

  // A history date's problem as check words it: { ok } or { problem } (null when not in a date's form at all).
  function historyDateProblem(text, monthNames) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$|^(\d{4})\/(\d{4})$/.exec(text);
    if (!m) return { ok: false, problem: null };
    const noYearZero = `${text} does not exist: there is no year 0000, the years of the calendar start at 0001`;
    if (m[4] !== undefined) {
      const [start, end] = [+m[4], +m[5]];
      if (start === 0 || end === 0) return { ok: false, problem: noYearZero };
      return end > start ? { ok: true } : { ok: false, problem:
        `the period ${text} does not run forward: write the earlier year first, such as ${pad4(Math.min(start, end))}/${pad4(Math.max(start, end) + (start === end ? 1 : 0))}` };
    }
    const [y, mo, d] = [+m[1], +(m[2] || 0), +(m[3] || 0)];
    if (y === 0) return { ok: false, problem: noYearZero };
    if (m[2] !== undefined && (mo < 1 || mo > 12))
      return { ok: false, problem: `${text} does not exist: months run from 01 (January) to 12 (December)` };
    if (m[3] !== undefined && d < 1)
      return { ok: false, problem: `${text} does not exist: the days of a month start at 01` };
    if (m[3] !== undefined && d > daysIn(y, mo))
      return { ok: false, problem: `${text} does not exist: ${monthNames[mo - 1]} ${mo === 2 ? pad4(y) + ' ' : ''}has ${daysIn(y, mo)} days` };
    return { ok: true };
  }

  // Characters check refuses in any field: controls but tab and line end, U+FFFE, U+FFFF, a surrogate with no partner.
  const forbidden = /[\u0000-\u0008\u000b-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

  // The words check uses for the first forbidden character of a value.
  function forbiddenMessage(value, at) {
    const name = 'U+' + value.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0');
    const preview = at === 0 ? 'starts this value and'
      : `follows '${at > 40 ? '\u2026' : ''}${value.slice(Math.max(0, at - 40), at).replace(/\n/g, ' ')}' and`;
    return `an invisible control character (${name}) ${preview} cannot be shown on a page or in a feed; delete it or retype the text (it often comes in with text pasted from another program)`;
  }

  // TODO as a word, as check's \bTODO\b reads it (a word character being a letter, mark, digit or connector).
  const placeholderPattern = word => new RegExp(`(?<![\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}])${word}(?![\\p{L}\\p{Mn}\\p{Nd}\\p{Pc}])`, 'u');

  // A TODO left in the text, line by line as check reads it: not in a code block, nor between backticks.
  function placeholderLines(body, pattern) {
    let fence = null, count = 0;
    for (const line of body.split('\n')) {
      const trimmed = line.trimStart();
      if (fence === null && (trimmed.startsWith('```') || trimmed.startsWith('~~~'))) { fence = trimmed.slice(0, 3); continue; }
      if (fence !== null) { if (trimmed.startsWith(fence)) fence = null; continue; }
      if (pattern.test(line.replace(/`[^`]*`/g, m => ' '.repeat(m.length)))) count++;
    }
    return count;
  }

  function isWebAddress(text) {
    try { const url = new URL(text); return (url.protocol === 'http:' || url.protocol === 'https:') && url.host.length > 0; }
    catch { return false; }
  }

  // A value the form leaves out of the file: nothing typed, or only spaces.
  function isAbsent(value) {
    if (value === undefined || value === null || value === false) return true;
    if (Array.isArray(value)) return value.every(isAbsent);
    return typeof value === 'string' && value.trim().length === 0;
  }

  const listTypes = ['TextList', 'SlugList', 'KeyList', 'EnumList'];

  // FNV-1a over UTF-16 code units: the group of an entry's headings, as the build (ProposeParts.GroupOf) computes it.
  function groupOf(key, groups) {
    let hash = 2166136261;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 16777619) >>> 0;
    return hash % groups;
  }

  /**
   * Gives data.site the lookups that read parts: load(name) returns a Promise of the part's payload
   * (a script tag in the page, require() in the parity test). Each part is asked for once.
   */
  function connect(data, load) {
    const site = data.site, loaded = new Map();
    const part = name => { if (!loaded.has(name)) loaded.set(name, Promise.resolve(load(name))); return loaded.get(name); };
    const kindOfFolder = folder => data.kinds.filter(k => k.folder === folder).map(k => k.id);
    /** The keys of one kind, each [key, title] (annotations: [key]). */
    site.keysOf = kind => Promise.all(Array.from({ length: site.keyParts[kind] || 0 }, (_, i) => part(`keys-${kind}-${i + 1}`))).then(parts => parts.flat());
    site.allKeys = () => Promise.all(Object.keys(site.keyParts).map(site.keysOf)).then(lists => lists.flat().map(k => k[0]));
    /** Whether any entry has this key: only the parts of the kinds its folder could hold are read. */
    site.hasKey = async key => {
      const folder = key.split('/')[0], kinds = kindOfFolder(folder).filter(k => site.keyParts[k]);
      const lists = await Promise.all((kinds.length > 0 ? kinds : Object.keys(site.keyParts)).map(site.keysOf));
      return lists.some(list => list.some(k => k[0] === key));
    };
    /** The page with this key ({ key, title, kind, headings, anchors }), or undefined: the one part of its group is read. */
    site.entry = async key => (await part(`entries-${groupOf(key, site.entryGroups)}`)).find(e => e.key === key);
    /** The works the site cites, each [key, label]. */
    site.sources = () => part('sources');
    return data;
  }

  /** The file's place and key: { relative (below content/), key }. */
  function locate(data, proposal) {
    const slug = (proposal.slug || '').trim();
    switch (proposal.kind) {
      case 'annotation': {
        const community = (proposal.community || '').trim();
        return { relative: `annotations/${community}/${slug}.md`, key: `annotations/${community}/${slug}`, ids: [community, slug] };
      }
      case 'curriculum':
        return { relative: `curricula/${slug}/index.md`, key: `curricula/${slug}`, ids: [slug] };
      case 'module': {
        const curriculum = (proposal.curriculum || '').trim();
        const order = String(Math.max(1, Math.min(999, parseInt(proposal.order, 10) || 1))).padStart(2, '0');
        return { relative: `curricula/${curriculum}/${order}-${slug}.md`, key: `curricula/${curriculum}/${slug}`, ids: [curriculum, slug] };
      }
      default: {
        const kind = data.kinds.find(k => k.id === proposal.kind);
        return { relative: `${kind.folder}/${slug}.md`, key: `${kind.folder}/${slug}`, ids: [slug] };
      }
    }
  }

  /** Every problem check would report for this proposal: [{ field, code, message }]. */
  async function validate(data, proposal) {
    const codes = data.codes, site = data.site, found = [];
    const kind = data.kinds.find(k => k.id === proposal.kind);
    const add = (field, code, message) => found.push({ field, code, message });
    const values = proposal.fields || {};
    const place = locate(data, proposal);

    if (!place.ids.every(isSlug)) {
      add('slug', codes.invalidId, `'${place.relative}' is not a valid id: file and folder names must be lower-case letters and digits joined by hyphens, such as 'peer-support-network'`);
      return found; // check reads no further than the file's name
    }
    if (await site.hasKey(place.key))
      add('slug', codes.duplicateKey, `'${place.key}' is already used by another entry; give one of them another name`);

    if (kind.fields.every(spec => isAbsent(values[spec.name]))) {
      add('title', codes.missingField, "front matter is empty; add at least 'title' and 'summary'");
      return found; // check reads no further than an empty front matter
    }

    const placeholder = placeholderPattern(data.placeholder.word);
    // Each text as the file will hold it: a forbidden character reported and replaced, a placeholder reported.
    const screen = (name, text) => {
      const at = text.search(forbidden);
      if (at >= 0) {
        add(name, codes.forbiddenCharacter, forbiddenMessage(text, at));
        text = text.replace(new RegExp(forbidden.source, 'g'), '\ufffd');
      }
      if (name !== 'editor_notes' && placeholder.test(text)) add(name, codes.placeholderLeft, data.placeholder.field.replace('{0}', name));
      return text;
    };
    const listItems = value => [].concat(value).map(v => String(v).trim()).filter(v => v.length > 0);

    for (const spec of kind.fields) {
      const value = values[spec.name];
      if (isAbsent(value)) {
        if (spec.required) add(spec.name, codes.missingField, `missing required field '${spec.name}'; add a line '${spec.name}: ...' to the front matter`);
        continue;
      }
      if (listTypes.includes(spec.type)) await checkList(spec, listItems(value).map(item => screen(spec.name, item)), add, data, place.key);
      else checkValue(spec, typeof value === 'string' ? screen(spec.name, value.trim()) : value, add, data);
    }

    const body = normalizedBody(proposal);
    for (let n = placeholderLines(body, placeholder); n > 0; n--) add('body', codes.placeholderLeft, data.placeholder.body);
    if (site.requireSources && kind.noSource && isAbsent(values.sources))
      add('sources', codes.noSource, kind.noSource);

    const cited = citedKeys(body), sourceKeys = cited.length > 0 ? (await site.sources()).map(source => source[0]) : [];
    for (const key of cited)
      if (!sourceKeys.includes(key)) add('body', codes.unknownCitation, `citation key '${key}' is not in sources.yaml${didYouMean(key, sourceKeys)}`);

    if (proposal.kind === 'module' && !site.curricula.some(c => c.slug === place.ids[0]))
      add('curriculum', codes.moduleWithoutCurriculum, `module belongs to no curriculum: add curricula/${place.ids[0]}/index.md`);
    if (proposal.kind === 'annotation') {
      const community = place.ids[0];
      if (!site.communities.some(c => c.slug === community))
        add('community', codes.unknownCommunity, `annotations/${community}/ belongs to no community: add communities/${community}.md`);
      await checkTarget(values.target, add, data, place.key);
    }
    return found;
  }

  function checkValue(spec, text, add, data) {
    const codes = data.codes, not = `, not '${short(String(text))}'`;
    switch (spec.type) {
      case 'Text':
        if (spec.maxLength > 0 && text.length > spec.maxLength)
          add(spec.name, codes.tooLong, `'${spec.name}' is ${text.length} characters long; shorten it to at most ${spec.maxLength}`);
        return;
      case 'Bool':
        if (text !== true && text !== 'true' && text !== 'false') add(spec.name, codes.wrongType, `'${spec.name}' must be true or false${not}`);
        return;
      case 'Int': {
        const n = /^[0-9]+$/.test(text) ? parseInt(text, 10) : NaN;
        if (!(n > 0 && n < 100000)) add(spec.name, codes.wrongType, `'${spec.name}' must be a whole number such as 90${not}`);
        return;
      }
      case 'Year':
        if (!(/^[0-9]{4}$/.test(text) && +text >= 1000 && +text <= 2999)) add(spec.name, codes.invalidDate, `'${spec.name}' must be a year such as 2009${not}`);
        return;
      case 'Date': {
        if (isDate(text)) return;
        const problem = dateProblem(text, data.monthNames);
        add(spec.name, codes.invalidDate, problem ? `'${spec.name}': ${problem}` : `'${spec.name}' must be a date written YYYY-MM-DD, such as 2026-03-01${not}`);
        return;
      }
      case 'HistoryDate': {
        const { ok, problem } = historyDateProblem(text, data.monthNames);
        if (!ok) add(spec.name, codes.invalidDate, problem ? `'${spec.name}': ${problem}` : `'${spec.name}' must be YYYY, YYYY-MM, YYYY-MM-DD or a period YYYY/YYYY${not}`);
        return;
      }
      case 'Url':
        if (!isWebAddress(text)) add(spec.name, codes.invalidUrl, `'${spec.name}' must be a full web address starting with https://${not}`);
        return;
      case 'Enum': {
        const allowed = spec.allowed.map(a => a.value);
        if (!allowed.includes(text))
          add(spec.name, codes.notInEnum, `'${spec.name}' must be one of ${allowed.join(', ')}${not}${didYouMean(text, allowed)}`);
        return;
      }
    }
  }

  async function checkList(spec, items, add, data, ownKey) {
    const codes = data.codes, site = data.site;
    if (spec.name === 'tags' && items.length > data.maxTags) {
      add(spec.name, codes.tooLong, `'${spec.name}' has ${items.length} items; keep it to at most ${data.maxTags}`);
      return;
    }
    // Every key only when a suggestion is needed: it means reading every part.
    const allKeys = async () => (await site.allKeys()).concat([ownKey]);
    const sourceKeys = spec.name === 'sources' ? (await site.sources()).map(s => s[0]) : [];
    for (const item of items) {
      if (spec.type === 'SlugList' && !isSlug(item))
        add(spec.name, codes.invalidSlug, `'${short(item)}' in '${spec.name}' must be lower-case words joined by hyphens, such as '${suggestSlug(item)}'`);
      else if (spec.type === 'EnumList' && !spec.allowed.some(a => a.value === item)) {
        const allowed = spec.allowed.map(a => a.value);
        add(spec.name, codes.notInEnum, `'${short(item)}' in '${spec.name}' must be one of ${allowed.join(', ')}${didYouMean(item, allowed)}`);
      }
      else if (spec.name === 'related' && item !== ownKey && !(await site.hasKey(item)))
        add(spec.name, codes.unknownRelated, `no entry has the key '${item}'${didYouMean(item, await allKeys())}`);
      else if (spec.name === 'values' && ((await site.entry(item)) || {}).kind !== 'value')
        add(spec.name, codes.unknownValue, `'${item}' is not a value; values are keys such as 'values/mutuality'${didYouMean(item, await allKeys())}`);
      else if (spec.name === 'sources' && !sourceKeys.includes(item))
        add(spec.name, codes.unknownSource, `'${item}' is not in sources.yaml${didYouMean(item, sourceKeys)}`);
    }
  }

  async function checkTarget(target, add, data, ownKey) {
    if (typeof target !== 'string' || target.trim().length === 0) return;
    const text = target.trim(), hash = text.indexOf('#');
    const key = hash < 0 ? text : text.slice(0, hash);
    const entry = await data.site.entry(key);
    if (!entry) {
      add('target', data.codes.unknownTarget, `target '${key}' does not exist${didYouMean(key, (await data.site.allKeys()).concat([ownKey]))}`);
      return;
    }
    if (hash < 0) return;
    const anchor = text.slice(hash + 1);
    const visible = entry.headings.filter(h => !h[3]).map(h => h[0]);
    if (!visible.includes(anchor) && !entry.anchors.includes(anchor) && !data.site.fixedAnchors.includes(anchor))
      add('target', data.codes.unknownTargetAnchor, `'${key}' has no heading with id '${anchor}'${didYouMean(anchor, entry.headings.map(h => h[0]))}`);
  }

  // The keys of [@key] and [@key, p. 4; @other] citations, read as check's Markdown reads them (not in code, not a link's text).
  function citedKeys(body) {
    const text = body.replace(/^ {0,3}(`{3,}|~{3,})[^]*?^ {0,3}\1/gm, '').replace(/(`+)[^]*?\1/g, '');
    const keys = [];
    for (const match of text.matchAll(/\[@([^\[\]\n]{0,500})\](?!\()/g)) {
      const parts = ('@' + match[1]).split(';').map(part => part.trim());
      const works = parts.map(part => { const comma = part.indexOf(','); return (comma < 0 ? part.slice(1) : part.slice(1, comma)).trim(); });
      if (parts.every(part => part.startsWith('@')) && works.every(key => /^[\p{L}\p{N}_.:-]+$/u.test(key))) keys.push(...works);
    }
    return keys;
  }

  // YAML: every text double-quoted (so nothing in it can be read as YAML syntax), lists in brackets.
  const quote = text => '"' + String(text).replace(/[\\"]/g, c => '\\' + c)
    .replace(/[\u0000-\u001f\u007f\u2028\u2029\ufffe\uffff]/g, c => c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0')) + '"';

  function yamlValue(spec, value) {
    if (listTypes.includes(spec.type))
      return '[' + [].concat(value).map(v => String(v).trim()).filter(v => v.length > 0).map(quote).join(', ') + ']';
    if (spec.type === 'Bool') return value === true || value === 'true' ? 'true' : 'false';
    const text = String(value).trim();
    // Numbers unquoted when they are numbers: check reads a quoted number as text.
    if ((spec.type === 'Int' || spec.type === 'Year') && /^[0-9]+$/.test(text)) return text;
    return quote(text);
  }

  // The text as the file holds it: line ends made \n, blank lines at either end left out.
  const normalizedBody = proposal => (proposal.body || '').replace(/\r\n?/g, '\n').trim();

  /** The file the proposal becomes: { path (from the repository root), text }. */
  function fileFor(data, proposal) {
    const kind = data.kinds.find(k => k.id === proposal.kind);
    const values = proposal.fields || {};
    const lines = ['---'];
    for (const spec of kind.fields)
      if (!isAbsent(values[spec.name])) lines.push(`${spec.name}: ${yamlValue(spec, values[spec.name])}`);
    lines.push('---', '');
    const body = normalizedBody(proposal);
    return { path: 'content/' + locate(data, proposal).relative, text: lines.join('\n') + (body ? '\n' + body + '\n' : '') };
  }

  /** The text holds the placeholder word (TODO) as check would find it in a field. */
  const hasPlaceholder = (data, text) => placeholderPattern(data.placeholder.word).test(text);

  return { connect, groupOf, validate, fileFor, locate, isSlug, suggestSlug, isAbsent, hasPlaceholder };
});
