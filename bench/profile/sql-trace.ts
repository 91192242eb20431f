// Times every SQLite statement run through better-sqlite3 in this process, by SQL text
// (profiling aid for bench/profile/in-process.ts).
import type Database from 'better-sqlite3'
export const stats = new Map<string, { n: number, ms: number, max: number }>()
export function traceSql (db: Database.Database): void {
  const proto = Object.getPrototypeOf(db.prepare('select 1')) as Record<string, unknown>
  for (const m of ['all', 'get', 'run']) {
    const orig = proto[m] as (...a: unknown[]) => unknown
    proto[m] = function (this: { source: string }, ...args: unknown[]) {
      const t0 = performance.now()
      try { return orig.apply(this, args) } finally {
        const k = this.source.replace(/\s+/g, ' ').slice(0, 220)
        const s = stats.get(k) ?? { n: 0, ms: 0, max: 0 }
        const ms = performance.now() - t0
        s.n++; s.ms += ms; s.max = Math.max(s.max, ms)
        stats.set(k, s)
      }
    }
  }
}
export function report (top = 12): void {
  const rows = [...stats].sort((a, b) => b[1].ms - a[1].ms).slice(0, top)
  for (const [k, s] of rows) console.log(`${s.ms.toFixed(1).padStart(8)} ms ${String(s.n).padStart(5)}×  max ${s.max.toFixed(1).padStart(6)} ms  ${k}`)
  stats.clear()
}
