/* The propose form's fields, made from the form model the site build writes (window.PeerCommonsPropose):
   one control per schema field with its plain-language help, choices from the site's own data (small
   ones as selects and boxes, keys as type-to-find filled from the part of one kind when used), and
   the controls that say where the file goes (community, curriculum, file name). Builds and reads the
   controls; propose.js decides when. */
(function () {
  'use strict';

  // The body's textarea is part of the page's own markup; every other control is made here.
  const idOf = name => name === 'body' ? 'propose-body' : 'propose-f-' + name;

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {}))
      if (value === true) node.setAttribute(name, '');
      else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
    for (const child of [].concat(children || [])) node.append(child);
    return node;
  }

  const option = (value, label, selected) => { const o = el('option', { value }, label); o.selected = !!selected; return o; };

  // A labelled field with its help and a place for its error, which the control points to.
  function field(name, label, help, required, control, group) {
    const helpId = idOf(name) + '-help', errorId = idOf(name) + '-error';
    const wrapper = el('div', { class: 'propose-field', 'data-field': name });
    const title = [label, required ? el('span', { class: 'propose-required' }, ' (required)') : ''];
    const helpText = el('p', { class: 'propose-help', id: helpId }, help);
    const error = el('p', { class: 'propose-error', id: errorId, hidden: true });
    if (group) {
      const fieldset = el('fieldset', { id: idOf(name), 'aria-describedby': helpId + ' ' + errorId, tabindex: '-1' }, [el('legend', {}, title), helpText, error, control]);
      wrapper.append(fieldset);
    } else {
      control.id = idOf(name);
      control.setAttribute('aria-describedby', helpId + ' ' + errorId);
      if (required) control.setAttribute('aria-required', 'true');
      wrapper.append(el('label', { for: idOf(name) }, title), helpText, error, control);
    }
    return wrapper;
  }

  function checkboxes(name, choices, chosen) {
    const box = el('div', { class: 'propose-choices' });
    for (const choice of choices) {
      const input = el('input', { type: 'checkbox', name, value: choice.value });
      input.checked = chosen.includes(choice.value);
      box.append(el('label', {}, [input, el('span', {}, choice.label)]));
    }
    return box;
  }

  let lists = 0;

  /**
   * Type-to-find: a text input with a datalist filled when its choices are first wanted (on focus, or
   * when the kind they come from is chosen), so thousands of entries never become a select of
   * thousands of options. show(name, load) fills it from load(), a Promise of [value, label] pairs.
   */
  function finder(name, value) {
    const listId = 'propose-list-' + (++lists);
    const list = el('datalist', { id: listId });
    const input = el('input', { type: 'text', name, list: listId, value: value || '', autocomplete: 'off', spellcheck: 'false', autocapitalize: 'off' });
    let shown = null;
    async function show(choicesName, load) {
      if (shown === choicesName) return;
      shown = choicesName;
      const choices = await load();
      if (shown === choicesName) list.replaceChildren(...choices.map(([key, label]) => option(key, label || key)));
    }
    return { input, list, show };
  }

  // Few choices stay a select; many become type-to-find over the same choices ([value, label] pairs).
  const fewChoices = 50;
  function choiceField(name, label, help, placeholder, choices, chosen) {
    if (choices.length <= fewChoices) {
      const select = el('select', { name }, [option('', placeholder), ...choices.map(([value, text]) => option(value, text, value === chosen))]);
      return field(name, label, help, true, select);
    }
    const find = finder(name, chosen);
    find.show(name, () => Promise.resolve(choices));
    const wrapper = field(name, label, help + ' Type a few letters of its name, then choose it from the list.', true, find.input);
    wrapper.append(find.list);
    return wrapper;
  }

  // The kinds whose entries a field may point at (a note or a link never points at a note).
  const pointable = data => data.kinds.filter(k => k.id !== 'annotation');

  // The kind a key belongs to, from its folder (a module's key has one more part than its course's).
  function kindOfKey(data, key) {
    const parts = key.split('/');
    const kinds = pointable(data).filter(k => k.folder === parts[0]);
    return kinds.length > 1 ? kinds.find(k => (k.id === 'module') === (parts.length > 2)) : kinds[0];
  }

  function kindSelect(data, name, chosen) {
    return el('select', { name }, pointable(data).map(k => option(k.id, k.label, k.id === chosen)));
  }

  // The sections of the chosen entry, read from its part once the key is one the site has.
  async function sectionOptions(data, select, key, chosen) {
    select.replaceChildren(option('', 'The whole entry'));
    if (!key || !(await data.site.hasKey(key))) return;
    const entry = await data.site.entry(key);
    select.replaceChildren(option('', 'The whole entry'));
    for (const [id, text, level, inContainer] of entry ? entry.headings : [])
      if ((level === 2 || level === 3) && !inContainer) select.append(option(id, text, id === chosen));
  }

  /** A note's target: the kind of entry, the entry found by typing, then which part of it. Returns { parts, ready }. */
  function targetFields(data, kind, initial) {
    const [targetKey, section] = (initial.target || '').split('#');
    const startKind = (kindOfKey(data, targetKey || '') || pointable(data)[0]).id;
    const kinds = kindSelect(data, 'target-kind', startKind);
    const find = finder('target-entry', targetKey);
    const showKind = () => find.show(kinds.value, () => data.site.keysOf(kinds.value));
    const sections = el('select', { name: 'target-section' });
    let shownKey = null;
    const follow = () => {
      const key = find.input.value.trim();
      if (key === shownKey) return Promise.resolve();
      shownKey = key;
      return sectionOptions(data, sections, key, key === targetKey ? section : '');
    };
    kinds.addEventListener('change', () => { showKind(); find.input.value = ''; follow(); });
    find.input.addEventListener('focus', showKind);
    find.input.addEventListener('input', follow);
    find.input.addEventListener('change', follow);
    const entry = field('target', 'Which entry is this note about?', kind.fields.find(f => f.name === 'target').help +
      ' Type a few letters of its title or address, then pick it from the list.', true, find.input);
    entry.append(find.list);
    return {
      parts: [
        field('target-kind', 'Kind of entry', 'What kind of entry your note is about.', false, kinds),
        entry,
        field('target-section', 'Which part of it?', 'Choose a section to place your note beside it, or keep the whole entry.', false, sections),
      ],
      // A link to a section opens with that section chosen: the form shows once its entry's part has loaded.
      ready: follow(),
    };
  }

  // Choices made by finding them: each one found becomes a ticked box, so what is chosen stays visible and can be unticked.
  // sources: [{ id, label, load }] where the choices come from (a select of them when more than one).
  function foundList(spec, help, sources, findLabel) {
    const chosen = el('div', { class: 'propose-choices' });
    const find = finder(spec.name + '-find', '');
    const findId = idOf(spec.name) + '-find', fromId = idOf(spec.name) + '-from';
    find.input.id = findId;
    const from = sources.length > 1 ? el('select', { id: fromId, name: spec.name + '-from' }, sources.map(s => option(s.id, s.label))) : null;
    const source = () => sources.find(s => s.id === (from ? from.value : sources[0].id));
    const show = () => find.show(source().id, source().load);
    if (from) from.addEventListener('change', show);
    find.input.addEventListener('focus', show);
    const pick = () => {
      const key = find.input.value.trim();
      if (!key || [...chosen.querySelectorAll('input')].some(b => b.value === key)) return;
      const known = [...find.list.options].find(o => o.value === key);
      const box = el('input', { type: 'checkbox', name: spec.name, value: key });
      box.checked = true;
      chosen.append(el('label', {}, [box, el('span', {}, known && known.label !== key ? `${known.label} (${key})` : key)]));
      find.input.value = '';
      box.dispatchEvent(new Event('change', { bubbles: true }));
    };
    const add = el('button', { type: 'button', class: 'secondary' }, 'Add');
    add.addEventListener('click', pick);
    find.input.addEventListener('keydown', event => { if (event.key === 'Enter') { event.preventDefault(); pick(); } });
    const row = el('div', { class: 'propose-finder' }, [
      ...(from ? [el('label', { for: fromId }, 'Kind of entry to look up'), from] : []),
      el('label', { for: findId }, findLabel), find.input, find.list, add]);
    return field(spec.name, spec.label, help, spec.required, el('div', {}, [chosen, row]), true);
  }

  function keyList(spec, data, help) {
    const kinds = spec.name === 'values' ? data.kinds.filter(k => k.id === 'value') : pointable(data);
    return foundList(spec, help, kinds.map(k => ({ id: k.id, label: k.label, load: () => data.site.keysOf(k.id) })), 'Look up an entry');
  }

  function control(spec, data, value) {
    switch (spec.type) {
      case 'Enum': {
        const select = el('select', { name: spec.name }, option('', spec.required ? 'Choose one' : 'Not chosen'));
        for (const a of spec.allowed) select.append(option(a.value, a.label, a.value === value));
        return select;
      }
      case 'Bool': {
        const input = el('input', { type: 'checkbox', name: spec.name });
        input.checked = value === true;
        return input;
      }
      case 'TextList': return el('textarea', { name: spec.name, rows: '3' }, value || '');
      // A date as text, as the file holds it: the browser's date picker is a different widget in every browser and language.
      case 'Date': return el('input', { type: 'text', name: spec.name, value: value || '', inputmode: 'numeric', autocomplete: 'off' });
      case 'Url': return el('input', { type: 'url', name: spec.name, value: value || '', autocomplete: 'url', spellcheck: 'false' });
      case 'Int': case 'Year': return el('input', { type: 'text', name: spec.name, value: value || '', inputmode: 'numeric' });
      default:
        return spec.name === 'summary' || spec.name === 'editor_notes'
          ? el('textarea', { name: spec.name, rows: '3' }, value || '')
          : el('input', { type: 'text', name: spec.name, value: value || '', spellcheck: spec.type === 'SlugList' ? 'false' : null });
    }
  }

  const formatTypes = ['Int', 'Year', 'Date', 'HistoryDate', 'Url'];

  const listHelp = {
    TextList: 'One per line.',
    SlugList: 'Separate them with commas.',
  };

  function choicesFor(spec, data) {
    if (spec.type === 'EnumList') return spec.allowed;
    return null;
  }

  /** Builds the controls of a kind into container; initial: { target, community } from the link that led here.
      Returns a Promise settled once what the link chose is shown (a note's section needs its entry's part). */
  function render(container, data, kindId, initial) {
    const kind = data.kinds.find(k => k.id === kindId);
    const parts = [];
    let ready = Promise.resolve();
    if (kindId === 'annotation') {
      parts.push(choiceField('community', 'Your community', 'The group this note comes from. If yours is not listed, propose "A new community" first.',
        'Choose your community', data.site.communities.map(c => [c.slug, c.title]), initial.community));
      const target = targetFields(data, kind, initial);
      parts.push(...target.parts);
      ready = target.ready;
    }
    if (kindId === 'module') {
      parts.push(choiceField('curriculum', 'Curriculum', 'The training course this session belongs to.',
        'Choose the curriculum', data.site.curricula.map(c => [c.slug, c.title]), ''));
      parts.push(field('order', 'Position in the course', 'Which session this is: 1 for the first.', true, el('input', { type: 'text', name: 'order', inputmode: 'numeric', value: '1' })));
    }
    // What must be filled in comes first, then the file's name, then everything optional.
    const required = kind.fields.filter(spec => spec.required && spec.name !== 'target');
    const optional = kind.fields.filter(spec => !spec.required);
    for (const spec of required) parts.push(fieldFor(spec, data));
    parts.push(field('slug', 'File name', 'A short name for the file, in lower-case words joined by hyphens, such as peer-support-network. It becomes part of the web address. Filled in for you until you change it.', true,
      el('input', { type: 'text', name: 'slug', spellcheck: 'false', autocapitalize: 'off' })));
    for (const spec of optional) parts.push(fieldFor(spec, data));
    container.replaceChildren(...parts);
    return ready;
  }

  function fieldFor(spec, data) {
    // Where the way of writing a value matters, the schema's own rule says how (without "Required."/"Optional.": the label says it).
    const format = formatTypes.includes(spec.type) ? spec.rules.replace(/^(Required|Optional)\. /, '') : '';
    const help = [spec.help, spec.name === 'sources' ? '' : listHelp[spec.type] || '', format].filter(Boolean).join(' ');
    if (spec.type === 'KeyList') return keyList(spec, data, help);
    if (spec.name === 'sources')
      return foundList(spec, help, [{ id: 'sources', label: 'Sources', load: data.site.sources }], 'Look up a source by author or year');
    const choices = choicesFor(spec, data);
    if (!choices) return field(spec.name, spec.label, help, spec.required, control(spec, data, spec.name === 'provenance' ? 'community' : ''));
    // Long lists stay folded, so the keyboard passes them in one step unless the person opens them.
    const box = checkboxes(spec.name, choices, []);
    const folded = el('details', { class: 'propose-choices-details' }, [el('summary', {}, `Show the ${choices.length} choices`), box]);
    return field(spec.name, spec.label, help, spec.required, choices.length > 8 ? folded : box, true);
  }

  /** The proposal the controls describe, in the shape propose-rules.js checks. */
  function read(container, data, kindId, body) {
    const kind = data.kinds.find(k => k.id === kindId);
    const named = name => container.querySelector(`[name="${name}"]`);
    const valueOf = name => (named(name) ? named(name).value : '');
    const fields = {};
    for (const spec of kind.fields) {
      if (spec.name === 'target') {
        const section = valueOf('target-section');
        fields.target = valueOf('target-entry') + (valueOf('target-entry') && section ? '#' + section : '');
        continue;
      }
      const boxes = container.querySelectorAll(`input[type="checkbox"][name="${spec.name}"]`);
      if (spec.type === 'Bool') fields[spec.name] = named(spec.name).checked;
      else if (boxes.length > 0 || spec.type === 'KeyList' || spec.name === 'sources' || choicesFor(spec, data)) fields[spec.name] = [...boxes].filter(b => b.checked).map(b => b.value);
      else if (spec.type === 'TextList') fields[spec.name] = valueOf(spec.name).split('\n');
      else if (spec.type === 'SlugList') fields[spec.name] = valueOf(spec.name).split(',');
      else fields[spec.name] = valueOf(spec.name);
    }
    return { kind: kindId, slug: valueOf('slug').trim(), community: valueOf('community'), curriculum: valueOf('curriculum'), order: valueOf('order'), fields, body };
  }

  window.PeerCommonsProposeFields = { render, read, idOf };
})();
