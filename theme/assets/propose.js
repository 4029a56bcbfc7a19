/* The propose form (contribute/propose/): pick a kind, fill the fields propose-fields.js builds,
   write the text with a live preview, see the problems `check` would report (propose-rules.js),
   then send: GitHub's new-file page for the repository, with the file filled in. Nothing leaves
   the page before that click; without a repository the file can be copied or downloaded. */
(function () {
  'use strict';

  const form = document.querySelector('[data-propose]');
  const rules = window.PeerCommonsProposeRules, fields = window.PeerCommonsProposeFields;
  if (!form || !window.PeerCommonsPropose || !rules || !fields) return;

  // A part of the site's data (parts/NAME.js beside this page) loads when first needed, as a script
  // that registers itself: no fetch, so it works from file:// and under the site's CSP.
  const partsBase = document.querySelector('script[src$="propose-data.js"]').src.replace(/propose-data\.js$/, 'parts/');
  function load(name) {
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = partsBase + name + '.js';
      script.onload = () => { const parts = window.PeerCommonsProposeParts || {}; name in parts ? resolve(parts[name]) : reject(new Error('part ' + name + ' did not register')); };
      script.onerror = () => reject(new Error('part ' + name + ' did not load'));
      document.head.append(script);
    });
  }
  const data = rules.connect(window.PeerCommonsPropose, load);

  // A URL longer than this may be refused by browsers or GitHub; the file then goes by the clipboard.
  const maxUrlLength = 8000;
  const kindSelect = form.querySelector('#propose-kind');
  const container = form.querySelector('[data-propose-fields]');
  const body = form.querySelector('#propose-body');
  const preview = form.querySelector('[data-propose-preview]');
  const summary = form.querySelector('#propose-errors');
  const status = form.querySelector('[data-propose-status]');
  const query = new URLSearchParams(location.search);
  let attempted = false, slugEdited = false;

  // Markdown for the preview: markdown-it with raw HTML off, then only known-safe elements kept. The library
  // is most of the page's weight, so it loads once the person starts on the text (until then, plain text shows).
  let markdown = null, markdownAsked = false;
  function loadMarkdown() {
    if (markdownAsked || !form.dataset.markdownScript) return;
    markdownAsked = true;
    const script = document.createElement('script');
    script.src = form.dataset.markdownScript;
    script.onload = () => {
      if (window.markdownit) markdown = window.markdownit({ html: false, linkify: false, typographer: false });
      renderPreview();
    };
    document.head.append(script);
  }
  const allowed = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'CODE', 'EM', 'STRONG', 'A', 'HR', 'BR',
    'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'S', 'DEL']);

  function sanitize(node) {
    for (const child of [...node.children]) {
      if (!allowed.has(child.tagName)) { child.replaceWith(document.createTextNode(child.tagName === 'IMG' ? `[image: ${child.getAttribute('alt') || ''}]` : child.textContent)); continue; }
      for (const attribute of [...child.attributes]) {
        const keep = child.tagName === 'A' && attribute.name === 'href' && /^(https?:|mailto:|#|[^:]*$)/i.test(attribute.value);
        if (!keep) child.removeAttribute(attribute.name);
      }
      if (child.tagName === 'A') child.setAttribute('rel', 'noopener noreferrer');
      sanitize(child);
    }
  }

  function renderPreview() {
    const text = body.value.trim();
    if (!text) { preview.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Nothing written yet.' })); return; }
    loadMarkdown();
    if (!markdown) { const pre = document.createElement('pre'); pre.textContent = text; preview.replaceChildren(pre); return; }
    const template = document.createElement('template');
    template.innerHTML = markdown.render(text);
    sanitize(template.content);
    preview.replaceChildren(template.content);
  }

  const slugFrom = text => text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');

  function showKind(kindId) {
    const shown = fields.render(container, data, kindId, { target: kindId === 'annotation' ? query.get('target') || '' : '', community: query.get('community') || '' });
    slugEdited = false;
    const slug = container.querySelector('[name="slug"]');
    if (slug) slug.addEventListener('input', () => { slugEdited = slug.value.trim().length > 0; });
    autoSlug();
    return shown;
  }

  // The file name follows the title until the person writes their own; a note without a title is named after what it is about.
  function autoSlug() {
    const slug = container.querySelector('[name="slug"]');
    if (!slug || slugEdited) return;
    const value = name => (container.querySelector(`[name="${name}"]`) || {}).value || '';
    slug.value = slugFrom(value('title')) || (kindSelect.value === 'annotation' ? slugFrom(`${value('type')} ${value('target-entry').split('/').pop()}`) : '');
  }

  // A choice not made yet still gives the file a place, so it can be shown and checked.
  const withStandIns = proposal => Object.assign({}, proposal, {
    community: proposal.community || 'unchosen', curriculum: proposal.curriculum || 'unchosen', slug: proposal.slug || 'unnamed',
  });

  // The proposal as the rules see it, and the problems the form itself knows (a choice not made yet).
  async function current() {
    const proposal = fields.read(container, data, kindSelect.value, body.value);
    const missing = [];
    if (proposal.kind === 'annotation' && !proposal.community) missing.push({ field: 'community', message: 'choose the community this note comes from' });
    if (proposal.kind === 'module' && !proposal.curriculum) missing.push({ field: 'curriculum', message: 'choose the curriculum this session belongs to' });
    // check lets editors' own notes say TODO, but a proposal is finished work: the file sent never holds the placeholder.
    const notes = (proposal.fields || {}).editor_notes;
    if (typeof notes === 'string' && rules.hasPlaceholder(data, notes))
      missing.push({ field: 'editor_notes', message: 'write your note to the editors in your own words instead of TODO' });
    if (!proposal.slug) missing.push({ field: 'slug', message: 'give the file a name, such as peer-support-network' });
    const checked = withStandIns(proposal);
    const found = (await rules.validate(data, checked)).filter(f => !missing.some(m => m.field === f.field));
    return { proposal: checked, problems: missing.concat(found) };
  }

  function labelOf(name) {
    const node = form.querySelector(`[data-field="${name}"] label, [data-field="${name}"] legend`);
    return node ? node.firstChild.textContent : name;
  }

  function showProblems(problems, moveFocus) {
    for (const error of form.querySelectorAll('.propose-error')) { error.hidden = true; error.textContent = ''; }
    for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
    const list = summary.querySelector('[data-propose-error-list]');
    list.replaceChildren();
    for (const problem of problems) {
      const id = fields.idOf(problem.field);
      const text = problem.code ? `${problem.message} (${problem.code})` : problem.message;
      const error = document.getElementById(id + '-error');
      if (error) { error.hidden = false; error.textContent = (error.textContent ? error.textContent + ' ' : '') + text[0].toUpperCase() + text.slice(1) + '.'; }
      const control = document.getElementById(id);
      if (control) control.setAttribute('aria-invalid', 'true');
      const link = Object.assign(document.createElement('a'), { href: '#' + id, textContent: `${labelOf(problem.field)}: ${text}` });
      link.addEventListener('click', event => {
        event.preventDefault();
        const target = document.getElementById(id);
        (target && target.tagName === 'FIELDSET' ? target.querySelector('input') || target : target).focus();
      });
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    summary.querySelector('h2').textContent = problems.length === 1 ? 'Please fix this before sending' : `Please fix these ${problems.length} things before sending`;
    summary.hidden = problems.length === 0;
    if (problems.length > 0 && moveFocus) summary.focus();
  }

  // Said when a part of the site's data cannot be read (the checks would otherwise have to guess).
  const partMissing = 'Part of this site\'s data for the form did not load, so your file cannot be checked yet: reload the page and try again.';

  // The file follows every keystroke; the problems too once Send was tried (the rules may wait for a part,
  // so only the answer to the latest change is shown).
  let latest = 0;
  async function refresh() {
    const asked = ++latest;
    const proposal = fields.read(container, data, kindSelect.value, body.value);
    const file = rules.fileFor(data, withStandIns(proposal));
    form.querySelector('[data-propose-path]').textContent = file.path;
    form.querySelector('[data-propose-file]').textContent = file.text;
    if (!attempted) return { file, problems: [], latest: true };
    let problems;
    try { ({ problems } = await current()); } catch { status.textContent = partMissing; return { file, problems: null, latest: false }; }
    if (asked === latest) showProblems(problems, false);
    return { file, problems, latest: asked === latest };
  }

  // Checks before anything is sent or saved; returns the file only when it is ready.
  async function ready() {
    attempted = true;
    const { file, problems, latest: isLatest } = await refresh();
    if (!isLatest) return null;
    showProblems(problems, true);
    if (problems.length > 0) { status.textContent = ''; return null; }
    return file;
  }

  async function copy(text) {
    try { await navigator.clipboard.writeText(text); return true; } catch { return false; }
  }

  // A button's work may wait for a part of the site's data; meanwhile the form says it is busy.
  const busyWhile = work => async () => {
    form.setAttribute('aria-busy', 'true');
    try { await work(); } catch { status.textContent = partMissing; } finally { form.removeAttribute('aria-busy'); }
  };

  // Send is a plain button, so Enter in a field never sends; the form itself never submits anywhere.
  form.addEventListener('submit', event => event.preventDefault());
  const send = form.querySelector('[data-propose-send]');
  if (send) send.addEventListener('click', busyWhile(async () => {
    const file = await ready();
    if (!file || !form.dataset.repoUrl) return;
    // A branch name may hold '/', which GitHub's address keeps as it is.
    const page = `${form.dataset.repoUrl}/new/${encodeURI(form.dataset.branch || 'main')}?filename=${encodeURIComponent(file.path)}`;
    const full = `${page}&value=${encodeURIComponent(file.text)}`;
    if (full.length <= maxUrlLength) {
      status.textContent = 'GitHub opened in a new tab with your file filled in. Sign in there, then press "Commit changes..." and "Propose changes".';
      window.open(full, '_blank', 'noopener,noreferrer');
      return;
    }
    const copied = await copy(file.text);
    status.textContent = copied
      ? 'Your file is too long to fill in for you, so it is copied: on the GitHub page that opened, paste it into the big empty box, then press "Commit changes...".'
      : 'Your file is too long to fill in for you: open "See the file that will be sent" below, copy all of it, and paste it into the big empty box on the GitHub page that opened.';
    window.open(page, '_blank', 'noopener,noreferrer');
  }));

  form.querySelector('[data-propose-copy]').addEventListener('click', busyWhile(async () => {
    const file = await ready();
    if (!file) return;
    status.textContent = await copy(file.text)
      ? `The file is copied. Save it as ${file.path} in the repository, or paste it into an email to the editors.`
      : 'Copying is not allowed here: open "See the file that will be sent" below and copy it from there.';
  }));

  form.querySelector('[data-propose-download]').addEventListener('click', busyWhile(async () => {
    const file = await ready();
    if (!file) return;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: 'text/markdown' }));
    link.download = file.path.split('/').pop() === 'index.md' ? file.path.split('/').slice(-2).join('-') : file.path.split('/').pop();
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    status.textContent = `The file is downloaded as ${link.download}. It belongs at ${file.path} in the repository.`;
  }));

  kindSelect.addEventListener('change', () => { attempted = false; showProblems([], false); showKind(kindSelect.value); refresh(); });
  form.addEventListener('input', () => { autoSlug(); refresh(); });
  form.addEventListener('change', () => { autoSlug(); refresh(); });
  body.addEventListener('input', renderPreview);
  body.addEventListener('focus', loadMarkdown);

  const wanted = query.get('kind');
  if (wanted && [...kindSelect.options].some(o => o.value === wanted)) kindSelect.value = wanted;
  renderPreview();
  // The form shows once what its link chose is in place (a section's list comes with its entry's part).
  showKind(kindSelect.value).catch(() => {}).then(() => {
    refresh();
    document.querySelector('[data-propose-fallback]').hidden = true;
    form.hidden = false;
  });
})();
