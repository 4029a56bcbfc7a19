'use strict'
// Where a keystroke's time goes (issue 14): the search page of a built site served locally, Chromium with its
// CPU slowed down 4x, a first word typed and shown, the box emptied, then the next word typed a letter at a
// time as query-speed.js types it, with a CPU profile (CDP Profiler) of each keystroke until the page is
// quiet. Prints, per keystroke, the "search" time query-speed.js reports, the files fetched, and the
// functions with the most time of their own. Not a test and not a benchmark: one visit, to see what to cut.
//
// usage: node keystroke-profile.js --site SITE_DIR --first WORD --next WORD [--top 12] [--out DIR]
//   --out: also writes each keystroke's profile (<text>.cpuprofile, opens in Chromium's DevTools)
// env:   THROTTLE=4, CHROMIUM (lib/browser.js)
const fs = require('fs')
const path = require('path')
const server = require('./lib/static-server')
const { selectors, launch, freshPage, openSearchPage, waitForQuiet, waitForResults, clearBox } = require('./lib/browser')

const a = {}
process.argv.slice(2).forEach((v, i, all) => { if (i % 2 === 0) a[v.replace(/^--/, '')] = all[i + 1] })
if (!a.site || !a.first || !a.next) {
  console.error('usage: node keystroke-profile.js --site SITE_DIR --first WORD --next WORD [--top 12] [--out DIR]')
  process.exit(2)
}
const top = Number(a.top || 12)

// Self time per function (name, file, line) in ms, idle left out.
function selfTimes (profile) {
  const nodes = new Map(profile.nodes.map(n => [n.id, n]))
  const self = new Map()
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id).callFrame
    if (frame.functionName === '(idle)') return
    const key = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`
    self.set(key, (self.get(key) || 0) + (profile.timeDeltas[i] || 0) / 1000)
  })
  return [...self.entries()].sort((x, y) => y[1] - x[1])
}

const searchMs = r => (r.lastFrame > r.lastMutation ? r.lastFrame : r.lastMutation) - Math.max(r.debounceFired, r.input)

;(async () => {
  const srv = await server.start({ root: path.resolve(a.site) })
  const browser = await launch()
  try {
    const visit = await freshPage(browser)
    const cdp = await visit.context.newCDPSession(visit.page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(process.env.THROTTLE || 4) })
    await openSearchPage(visit, srv.url + '/search/')
    await visit.page.click(selectors.input)
    await visit.page.keyboard.type(a.first, { delay: 80 })
    const first = await waitForResults(visit, { graceMs: 60000, timeoutMs: 120000 })
    console.log(`first "${a.first}": search ${searchMs(first).toFixed(0)} ms, ${first.items} items`)
    await clearBox(visit.page)
    await waitForQuiet(visit, { needMutation: false, needItems: false, quietMs: 500, timeoutMs: 60000 })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    let typed = ''
    for (const letter of a.next) {
      typed += letter
      const before = visit.state.requests.length
      await cdp.send('Profiler.start')
      await visit.page.keyboard.type(letter)
      const r = await waitForQuiet(visit, { needItems: false, quietMs: 1000, timeoutMs: 60000 })
      const { profile } = await cdp.send('Profiler.stop')
      const fetched = visit.state.requests.slice(before).map(u => u.slice(srv.url.length + 1))
      console.log(`\n"${typed}": search ${searchMs(r).toFixed(0)} ms${r.unchanged ? ' (nothing changed)' : ''}, ${r.items} items, ` +
        `${fetched.length} files fetched: ${fetched.join(' ')}`)
      for (const [where, ms] of selfTimes(profile).slice(0, top)) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${where}`)
      if (a.out) { fs.mkdirSync(a.out, { recursive: true }); fs.writeFileSync(path.join(a.out, `${typed}.cpuprofile`), JSON.stringify(profile)) }
    }
  } finally {
    await browser.close()
    await srv.close()
  }
})().catch(e => { console.error(`keystroke-profile: ${e.message}`); process.exit(1) })
