// Per-request cost of one benchmark scenario inside one process (app.inject, no HTTP, no load
// generator), with the time spent in each SQL statement: where a page's time goes.
//   npx tsx bench/profile/in-process.ts home|queue|claim|quote|buildings|healthz [N] [--small]
// Runs on a scratch copy of the generated database (bench/data/<scale>.profile.db).
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { addDays, shanghaiDate } from '../../src/domain/dates.js'
import { mintToken } from '../http.js'
import { BENCH_JWT_SECRET, BENCH_PII_KEY, DATA_DIR, SCALES, dbPathFor, metaPathFor, type BenchMeta } from '../config.js'
import { traceSql, report } from './sql-trace.js'

async function main (): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
  const scale = process.argv.includes('--small') ? SCALES.small : SCALES.city
  const kind = args[0] ?? 'home'
  const n = Number(args[1] ?? 500)
  const meta = JSON.parse(readFileSync(metaPathFor(scale), 'utf8')) as BenchMeta
  const db = join(DATA_DIR, `${scale.name}.profile.db`)
  for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true })
  copyFileSync(dbPathFor(scale), db)
  const app = await buildApp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, PII_KEY: BENCH_PII_KEY, DATABASE_PATH: db, LOG_LEVEL: 'error' }))
  await app.ready()
  for (let i = 0; i < 20; i++) await one(app, meta, kind, i) // warm-up (JIT, caches)
  traceSql(app.db.$client)
  const statuses = new Map<number, number>()
  const times: number[] = []
  const started = performance.now()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const s = await one(app, meta, kind, i * 37 + 11)
    times.push(performance.now() - t0)
    statuses.set(s, (statuses.get(s) ?? 0) + 1)
  }
  const ms = (performance.now() - started) / n
  times.sort((a, b) => a - b)
  const pct = (p: number): string => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(2)
  process.stdout.write(`${kind}: ${n} requests, ${ms.toFixed(2)} ms each (p50 ${pct(0.5)}, p99 ${pct(0.99)}, max ${pct(1)}; SQL timing included), statuses ${JSON.stringify(Object.fromEntries(statuses))}\nSQL by total time:\n`)
  report(15)
  await app.close()
  for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true })
}

const today = shanghaiDate(new Date())

async function one (app: FastifyInstance, meta: BenchMeta, kind: string, i: number): Promise<number> {
  const cookie = (uid: number): string => `token=${mintToken(uid, 0, BENCH_JWT_SECRET)}`
  switch (kind) {
    case 'home':
      return (await app.inject({ url: '/', headers: { cookie: cookie(meta.homeMembers[i % meta.homeMembers.length]), accept: 'text/html' } })).statusCode
    case 'queue': {
      const s = meta.staff[i % meta.staff.length]
      return (await app.inject({ url: `/aid/review?building=${s.buildingId}`, headers: { cookie: cookie(s.userId), accept: 'text/html' } })).statusCode
    }
    case 'claim':
      return (await app.inject({
        method: 'POST', url: '/api/v1/aid/claims',
        headers: { authorization: `Bearer ${mintToken(meta.claimants[i % meta.claimants.length], 0, BENCH_JWT_SECRET)}`, 'idempotency-key': `profile-${Date.now()}-${i}` },
        payload: { admissionDate: addDays(today, -10), dischargeDate: addDays(today, -5), hospital: '云南省第一人民医院', invoiceNo: `PROFILE-${Date.now()}-${i}`, totalCostFen: 500_000, insurancePaidFen: 200_000, excludedFen: 0 }
      })).statusCode
    case 'quote':
      return (await app.inject({ method: 'POST', url: '/api/v1/aid/quote', payload: { totalCostFen: 500_000 + i, insurancePaidFen: 200_000, excludedFen: 0 } })).statusCode
    case 'buildings':
      return (await app.inject({ url: '/api/v1/buildings' })).statusCode
    default:
      return (await app.inject({ url: '/healthz' })).statusCode
  }
}

main().catch((err: Error) => { process.stderr.write(`${err.stack ?? err.message}\n`); process.exitCode = 1 })
