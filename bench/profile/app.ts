// What the profiling tools share: the portal built in this process (production settings) on a
// scratch copy of a generated bench database, and the benchmark's requests as app.inject calls,
// with a browser's cookie jar for pages (the CSRF secret cookie comes back after the first visit).
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { addDays, shanghaiDate } from '../../src/domain/dates.js'
import { mintToken } from '../http.js'
import { addPageSessions, benchSession } from '../run.js'
import { BENCH_JWT_SECRET, BENCH_PII_KEY, DATA_DIR, SCALES, dbPathFor, metaPathFor, type BenchMeta } from '../config.js'

export const KINDS = ['healthz', 'quote', 'buildings', 'home', 'calc', 'queue', 'claim'] as const
export type Kind = typeof KINDS[number]

export interface ProfileApp {
  app: FastifyInstance
  meta: BenchMeta
  /** The i-th request of a kind, as the benchmark sends it. */
  request: (kind: Kind, i: number) => Promise<LightMyRequestResponse>
  close: () => Promise<void>
}

export function kindOf (arg: string | undefined): Kind {
  const k = (arg ?? 'home') as Kind
  if (!KINDS.includes(k)) throw new Error(`unknown kind ${String(arg)}: one of ${KINDS.join(', ')}`)
  return k
}

/** `--small` on the command line: the 10× smaller database. WAL_CHECKPOINT in the environment is passed on. */
export async function openProfileApp (): Promise<ProfileApp> {
  const scale = process.argv.includes('--small') ? SCALES.small : SCALES.city
  const meta = JSON.parse(readFileSync(metaPathFor(scale), 'utf8')) as BenchMeta
  const db = join(DATA_DIR, `${scale.name}.profile.db`)
  const files = [db, `${db}-wal`, `${db}-shm`]
  for (const p of files) rmSync(p, { force: true })
  copyFileSync(dbPathFor(scale), db)
  // Pages take a session (a row, named in the cookie), as in the HTTP benchmark.
  addPageSessions(db, [...meta.homeMembers, ...meta.staff.map((s) => s.userId)])
  const app = await buildApp(loadConfig({
    NODE_ENV: 'production', SMS_PROVIDER: 'log', JWT_SECRET: BENCH_JWT_SECRET, PII_KEY: BENCH_PII_KEY, DATABASE_PATH: db, LOG_LEVEL: 'error',
    ...(process.env.WAL_CHECKPOINT === undefined ? {} : { WAL_CHECKPOINT: process.env.WAL_CHECKPOINT })
  }))
  await app.ready()

  const jar = new Map<number, string>()
  const page = async (userId: number, url: string): Promise<LightMyRequestResponse> => {
    const cookie = jar.get(userId) ?? `token=${mintToken(userId, 0, BENCH_JWT_SECRET, 2 * 3600, benchSession(userId))}`
    const res = await app.inject({ url, headers: { cookie, accept: 'text/html' } })
    const csrf = res.cookies.find((c) => c.name === '_csrf')
    if (csrf !== undefined) jar.set(userId, `${cookie}; _csrf=${csrf.value}`)
    return res
  }
  const today = shanghaiDate(new Date())
  const runId = Date.now().toString(36)
  const pick = <T>(list: T[], i: number): T => list[i % list.length]

  const request = async (kind: Kind, i: number): Promise<LightMyRequestResponse> => {
    switch (kind) {
      case 'home': return await page(pick(meta.homeMembers, i), '/')
      case 'calc': return await page(pick(meta.homeMembers, i), '/aid/calculator')
      case 'queue': {
        const s = pick(meta.staff, i)
        return await page(s.userId, `/aid/review?building=${s.buildingId}`)
      }
      case 'claim':
        return await app.inject({
          method: 'POST',
          url: '/api/v1/aid/claims',
          headers: { authorization: `Bearer ${mintToken(pick(meta.claimants, i), 0, BENCH_JWT_SECRET)}`, 'idempotency-key': `profile-${runId}-${i}` },
          payload: { admissionDate: addDays(today, -10), dischargeDate: addDays(today, -5), hospital: '云南省第一人民医院', invoiceNo: `PROFILE-${runId}-${i}`, totalCostFen: 500_000, insurancePaidFen: 200_000, excludedFen: 0 }
        })
      case 'quote': return await app.inject({ method: 'POST', url: '/api/v1/aid/quote', payload: { totalCostFen: 500_000 + i, insurancePaidFen: 200_000, excludedFen: 0 } })
      case 'buildings': return await app.inject({ url: '/api/v1/buildings' })
      case 'healthz': return await app.inject({ url: '/healthz' })
    }
  }
  const close = async (): Promise<void> => {
    await app.close()
    for (const p of files) rmSync(p, { force: true })
  }
  return { app, meta, request, close }
}
