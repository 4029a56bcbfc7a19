/* The propose form's fields, made from the form model the site build writes (window.PeerCommonsPropose):
   one control per schema field with its plain-language help, choices from the site's own data, and
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

  function entryChoices(data, only) {
    return data.site.entries.filter(only).map(e => ({ value: e.key, label: `${e.title} (${e.key})` }));
  }

  // Entries as a select grouped by kind, for an annotation's target.
  function entrySelect(data, chosen) {
    const select = el('select', { name: 'target-entry' }, option('', 'Choose the entry'));
    for (const kind of data.kinds.filter(k => k.id !== 'annotation')) {
      const entries = data.site.entries.filter(e => e.kind === kind.id);
      if (entries.length === 0) continue;
      select.append(el('optgroup', { label: kind.label }, entries.map(e => option(e.key, e.title, e.key === chosen))));
    }
    return select;
  }

  function sectionOptions(data, select, key, chosen) {
    const entry = data.site.entries.find(e => e.key === key);
    select.replaceChildren(option('', 'The whole entry'));
    for (const [id, text, level, inContainer] of entry ? entry.headings : [])
      if ((level === 2 || level === 3) && !inContainer) select.append(option(id, text, id === chosen));
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
    if (spec.name === 'sources') return data.site.sources.map(s => ({ value: s.key, label: s.label }));
    if (spec.name === 'values') return entryChoices(data, e => e.kind === 'value');
    if (spec.type === 'KeyList') return entryChoices(data, () => true);
    return null;
  }

  /** Builds the controls of a kind into container; initial: { target, community } from the link that led here. */
  function render(container, data, kindId, initial) {
    const kind = data.kinds.find(k => k.id === kindId);
    const parts = [];
    if (kindId === 'annotation') {
      const communities = data.site.entries.filter(e => e.kind === 'community');
      const community = el('select', { name: 'community' }, [option('', 'Choose your community'), ...communities.map(c => option(c.key.slice('communities/'.length), c.title, c.key === 'communities/' + initial.community))]);
      parts.push(field('community', 'Your community', 'The group this note comes from. If yours is not listed, propose "A new community" first.', true, community));
      const [targetKey, section] = (initial.target || '').split('#');
      const entry = entrySelect(data, targetKey);
      const sections = el('select', { name: 'target-section' });
      sectionOptions(data, sections, targetKey, section);
      entry.addEventListener('change', () => sectionOptions(data, sections, entry.value, ''));
      parts.push(field('target', 'Which entry is this note about?', kind.fields.find(f => f.name === 'target').help, true, entry));
      parts.push(field('target-section', 'Which part of it?', 'Choose a section to place your note beside it, or keep the whole entry.', false, sections));
    }
    if (kindId === 'module') {
      const courses = data.site.entries.filter(e => e.kind === 'curriculum');
      parts.push(field('curriculum', 'Curriculum', 'The training course this session belongs to.', true,
        el('select', { name: 'curriculum' }, [option('', 'Choose the curriculum'), ...courses.map(c => option(c.key.slice('curricula/'.length), c.title))])));
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
  }

  function fieldFor(spec, data) {
    const choices = choicesFor(spec, data);
    // Where the way of writing a value matters, the schema's own rule says how (without "Required."/"Optional.": the label says it).
    const format = formatTypes.includes(spec.type) ? spec.rules.replace(/^(Required|Optional)\. /, '') : '';
    const help = [spec.help, listHelp[spec.type] || '', format].filter(Boolean).join(' ');
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
      else if (boxes.length > 0 || choicesFor(spec, data)) fields[spec.name] = [...boxes].filter(b => b.checked).map(b => b.value);
      else if (spec.type === 'TextList') fields[spec.name] = valueOf(spec.name).split('\n');
      else if (spec.type === 'SlugList') fields[spec.name] = valueOf(spec.name).split(',');
      else fields[spec.name] = valueOf(spec.name);
    }
    return { kind: kindId, slug: valueOf('slug').trim(), community: valueOf('community'), curriculum: valueOf('curriculum'), order: valueOf('order'), fields, body };
  }

  window.PeerCommonsProposeFields = { render, read, idOf };
})();
