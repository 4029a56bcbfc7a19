// Pagefind 1.6.0 through its JS API, shown like the site's search page shows results: on typing (after
// the same 150 ms pause as theme/assets/search.js), search(q), then data() of the first N results, each
// rendered as one list item with its title and excerpt. N comes from ?n= (the benchmark passes the number
// of results the site's own page showed first for the same query). pagefind.js is imported on the first
// search, as the site loads its search index on the first search.
const shown = Number(new URLSearchParams(location.search).get('n') || 10)
const input = document.querySelector('[data-search-input]')
const status = document.querySelector('[data-search-status]')
const results = document.querySelector('[data-search-results]')
let pagefind = null
let latest = 0
let timer = null

async function run (query) {
  const mine = ++latest
  if (!query.trim()) { results.textContent = ''; status.textContent = ''; return }
  status.textContent = 'Searching\u2026'
  pagefind = pagefind || import('/pagefind/pagefind.js')
  const api = await pagefind
  const search = await api.search(query)
  if (mine !== latest) return
  const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()))
  if (mine !== latest) return
  results.textContent = ''
  for (const d of data) {
    const item = document.createElement('li')
    item.className = 'search-result'
    const link = document.createElement('a')
    link.href = d.url
    link.textContent = d.meta.title || d.url
    const excerpt = document.createElement('p')
    excerpt.innerHTML = d.excerpt // Pagefind escapes the page's text and marks the matches with <mark>
    item.append(link, excerpt)
    results.append(item)
  }
  status.textContent = `${search.results.length} results for \u201c${query}\u201d.`
}

input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => run(input.value), 150) })
document.querySelector('[data-search-page]').addEventListener('submit', e => { e.preventDefault(); run(input.value) })
