// Every SQL statement one request runs, with its query plan and what it costs on its own
// (µs a run, repeated with the same values, so hot in the page cache):
//   npx tsx bench/profile/explain.ts home|calc|queue|claim|quote|buildings|healthz [--small]
import { kindOf, openProfileApp } from './app.js'

const kind = kindOf(process.argv.slice(2).find((a) => !a.startsWith('--')))
const { app, request, close } = await openProfileApp()
const sqlite = app.db.$client
const proto = Object.getPrototypeOf(sqlite.prepare('select 1')) as Record<string, unknown>
const seen: Array<{ source: string, args: unknown[] }> = []
let recording = false
for (const m of ['all', 'get', 'run']) {
  const original = proto[m] as (...a: unknown[]) => unknown
  proto[m] = function (this: { source: string }, ...args: unknown[]) {
    if (recording) seen.push({ source: this.source, args })
    return original.apply(this, args)
  }
}
await request(kind, 1_000_004) // first visit of the same user: cookies, caches (another key and invoice for a claim)
recording = true
const res = await request(kind, 4)
recording = false
process.stdout.write(`${kind}: ${res.statusCode}, ${res.body.length} bytes, ${seen.length} statements\n`)
for (const s of seen) {
  process.stdout.write(`\n--- ${s.source.replace(/\s+/g, ' ').slice(0, 1500)} ${JSON.stringify(s.args)}\n`)
  if (!/^\s*(select|with)/i.test(s.source)) continue // plans and timings of reads only: writes would change the data
  for (const row of sqlite.prepare('explain query plan ' + s.source).all(...s.args) as Array<{ detail: string }>) process.stdout.write(`    ${row.detail}\n`)
  const statement = sqlite.prepare(s.source)
  const t0 = performance.now()
  for (let i = 0; i < 200; i++) statement.all(...s.args)
  process.stdout.write(`    µs a run: ${((performance.now() - t0) * 5).toFixed(1)}\n`)
}
await close()
