'use strict'
// Drives a search page in headless Chromium the way a visitor does, without knowing how the page searches:
// it types into the search box and waits until the results list has settled. It only relies on a few
// selectors (overridable by environment variables when the search UI changes):
//
//   SEARCH_INPUT    the search box                 default: [data-search-page] [data-search-input]
//   SEARCH_RESULTS  the element results appear in  default: [data-search-results]
//   SEARCH_ITEM     one result                     default: [data-search-results] .search-result
//   SEARCH_STATUS   the live status line           default: [data-search-status]
//
// (theme/templates/search.liquid and theme/assets/search.js, 2026-11-27; the Pagefind test page in
// bench/search/pagefind-page/ uses the same ones.)
//
// An init script in the page records, with performance.now(): each keystroke or input event, each
// change to the results or status elements (and the animation frame after it, about when it is
// painted), and the moment a timer set by a keystroke's handler fires (a typing debounce), so the
// search's own time can be told apart from the time the UI waits for typing to pause.
const { chromium } = require('playwright-core')

const selectors = {
  input: process.env.SEARCH_INPUT || '[data-search-page] [data-search-input]',
  results: process.env.SEARCH_RESULTS || '[data-search-results]',
  item: process.env.SEARCH_ITEM || '[data-search-results] .search-result',
  status: process.env.SEARCH_STATUS || '[data-search-status]',
}

function instrument ({ results, status }) {
  const rec = window.__bench = { input: 0, mutations: 0, lastMutation: 0, lastFrame: 0, debounceFired: 0 }
  const stamp = () => {
    rec.mutations++; rec.lastMutation = performance.now()
    requestAnimationFrame(() => { rec.lastFrame = performance.now() })
  }
  for (const type of ['keydown', 'input']) {
    document.addEventListener(type, () => { rec.input = performance.now() }, true)
  }
  // Timers set while a keystroke or input event is being handled are the UI's debounce.
  const setTimeoutOriginal = window.setTimeout
  window.setTimeout = function (callback, delay, ...args) {
    const fromTyping = window.event && /^(input|key)/.test(window.event.type)
    if (!fromTyping || typeof callback !== 'function') return setTimeoutOriginal.call(window, callback, delay, ...args)
    return setTimeoutOriginal.call(window, function () { rec.debounceFired = performance.now(); return callback.apply(this, arguments) }, delay, ...args)
  }
  document.addEventListener('DOMContentLoaded', () => {
    const observer = new MutationObserver(stamp)
    for (const selector of [results, status]) {
      const el = document.querySelector(selector)
      if (el) observer.observe(el, { childList: true, subtree: true, characterData: true, attributes: true })
    }
  })
}

async function launch () {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--disable-extensions'],
  })
}

// A fresh context (empty cache) with one page, instrumented, and a count of requests in flight.
async function freshPage (browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' })
  await context.addInitScript(instrument, { results: selectors.results, status: selectors.status })
  const page = await context.newPage()
  const state = { inflight: 0, errors: [], requests: [] }
  page.on('request', r => { state.inflight++; state.requests.push(r.url()) })
  page.on('requestfinished', () => { state.inflight-- })
  page.on('requestfailed', r => { state.inflight--; state.errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`) })
  page.on('pageerror', e => state.errors.push(`page error: ${e}`))
  return { context, page, state }
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms))

async function openSearchPage ({ page, state }, url) {
  await page.goto(url, { waitUntil: 'load' })
  if (!(await page.$(selectors.input))) {
    throw new Error(`no search box matches SEARCH_INPUT="${selectors.input}" on ${url}: the search UI changed; ` +
      'set SEARCH_INPUT (and SEARCH_RESULTS, SEARCH_ITEM, SEARCH_STATUS) to its selectors (see bench/search/lib/browser.js)')
  }
  if (!(await page.$(selectors.results))) {
    throw new Error(`no results element matches SEARCH_RESULTS="${selectors.results}" on ${url}: the search UI changed (see bench/search/lib/browser.js)`)
  }
  await waitForQuiet({ page, state }, { needMutation: false, needItems: false, quietMs: 300, timeoutMs: 30000 })
}

// Waits until the results have settled after the last keystroke: the results or status changed at least
// once since then (unless needMutation is false), no request is in flight, nothing changed for quietMs,
// and (if needItems) at least one result item is there. page.evaluate runs on the page's main thread,
// so while the page is busy (parsing an index, say) the poll waits for it too.
// Returns the page's record: times are performance.now() in the page.
// A keystroke that leaves the results as they were may change nothing: after graceMs of quiet with no
// change the record is returned with unchanged: true.
async function waitForQuiet ({ page, state }, { needMutation = true, needItems = true, quietMs = 500, graceMs = 3000, timeoutMs = 120000, label = '' } = {}) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const rec = await page.evaluate(item => ({
      ...window.__bench, now: performance.now(), items: document.querySelectorAll(item).length,
    }), selectors.item)
    const changed = rec.mutations > 0 && rec.lastMutation >= rec.input
    const quiet = rec.now - Math.max(rec.lastMutation, rec.input) >= quietMs
    if (state.inflight === 0 && quiet && (!needMutation || changed) && (!needItems || rec.items > 0)) return rec
    if (state.inflight === 0 && needMutation && !changed && !needItems && rec.now - rec.input >= graceMs) return { ...rec, unchanged: true }
    if (Date.now() > deadline) {
      const status = await page.$eval(selectors.status, el => el.textContent.trim()).catch(() => '(no status element)')
      throw new Error(`${label}: no result items (SEARCH_ITEM="${selectors.item}") settled within ${timeoutMs / 1000} s; ` +
        `items now: ${rec.items}, requests in flight: ${state.inflight}, status line: "${status}"` +
        (state.errors.length ? `; ${state.errors.join('; ')}` : ''))
    }
    await sleep(50)
  }
}

// Waits for a query's results: settled as above, and when that leaves no result item, up to graceMs more
// for items to appear (a search running in a worker, as Pagefind's does, leaves the page quiet while it
// works). A query that shows nothing by then has no results: its record has items: 0.
async function waitForResults (visit, { quietMs = 1000, graceMs = 15000, timeoutMs = 120000, label = '' } = {}) {
  const rec = await waitForQuiet(visit, { needItems: false, quietMs, timeoutMs, label })
  if (rec.items > 0) return rec
  try {
    return await waitForQuiet(visit, { needMutation: false, needItems: true, quietMs, timeoutMs: graceMs, label })
  } catch {
    return rec
  }
}

// Empties the search box without typing (the next query starts from an empty box).
async function clearBox (page) {
  await page.$eval(selectors.input, el => { el.value = ''; el.dispatchEvent(new Event('input', { bubbles: true })) })
}

function stats (values) {
  const s = [...values].sort((a, b) => a - b)
  if (!s.length) return { n: 0, median: NaN, p95: NaN, max: NaN }
  const at = p => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]
  const median = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
  return { n: s.length, median, p95: at(0.95), max: s[s.length - 1] }
}

module.exports = { selectors, launch, freshPage, openSearchPage, waitForQuiet, waitForResults, clearBox, stats, sleep }
