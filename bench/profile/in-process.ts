// Per-request cost of one benchmark request kind inside one process (app.inject, no HTTP, no load
// generator), with the time spent in each SQL statement: where a page's time goes.
//   npx tsx bench/profile/in-process.ts home|calc|queue|claim|quote|buildings|healthz [N] [--small]
// Runs on a scratch copy of the generated database (bench/data/<scale>.profile.db).
import { kindOf, openProfileApp } from './app.js'
import { traceSql, report } from './sql-trace.js'

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const kind = kindOf(args[0])
const n = Number(args[1] ?? 500)
const { app, request, close } = await openProfileApp()
for (let i = 0; i < 20; i++) await request(kind, i + 1_000_000) // warm-up (JIT, caches, cookies)
traceSql(app.db.$client)
const statuses = new Map<number, number>()
const times: number[] = []
const started = performance.now()
for (let i = 0; i < n; i++) {
  const t0 = performance.now()
  const s = (await request(kind, i * 37 + 11)).statusCode
  times.push(performance.now() - t0)
  statuses.set(s, (statuses.get(s) ?? 0) + 1)
}
const ms = (performance.now() - started) / n
times.sort((a, b) => a - b)
const pct = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2)
process.stdout.write(`${kind}: ${n} requests, ${ms.toFixed(2)} ms each (p50 ${pct(0.5)}, p99 ${pct(0.99)}, max ${pct(1)}; SQL timing included), statuses ${JSON.stringify(Object.fromEntries(statuses))}\nSQL by total time:\n`)
report(15)
await close()
