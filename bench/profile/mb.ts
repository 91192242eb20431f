// Quick per-request timings of a few pages in one process (app.inject, city-scale data):
//   npx tsx bench/profile/mb.ts
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { mintToken } from '../http.js'
import { BENCH_JWT_SECRET, BENCH_PII_KEY, DATA_DIR, SCALES, dbPathFor, metaPathFor, type BenchMeta } from '../config.js'
const scale = SCALES.city
const meta = JSON.parse(readFileSync(metaPathFor(scale), 'utf8')) as BenchMeta
const db = join(DATA_DIR, 'mb.profile.db')
for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true })
copyFileSync(dbPathFor(scale), db)
const app = await buildApp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, PII_KEY: BENCH_PII_KEY, DATABASE_PATH: db, LOG_LEVEL: 'error' }))
await app.ready()
const cookie = (uid: number): string => `token=${mintToken(uid, 0, BENCH_JWT_SECRET)}`
const tokens = meta.homeMembers.map(cookie)
const cases: Record<string, (i: number) => Promise<unknown>> = {
  healthz: () => app.inject({ url: '/healthz' }),
  healthzWithCookie: (i) => app.inject({ url: '/healthz', headers: { cookie: tokens[i % tokens.length] } }),
  anonHome: () => app.inject({ url: '/', headers: { accept: 'text/html' } }),
  me: (i) => app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer ' + tokens[i % tokens.length].slice(6) } }),
  memberHome: (i) => app.inject({ url: '/', headers: { cookie: tokens[i % tokens.length], accept: 'text/html' } }),
  sameMemberHome: () => app.inject({ url: '/', headers: { cookie: tokens[0], accept: 'text/html' } })
}
for (const [name, fn] of Object.entries(cases)) {
  for (let i = 0; i < 200; i++) await fn(i)
  const t0 = performance.now()
  for (let i = 0; i < 1000; i++) await fn(i)
  console.log(name.padEnd(16), ((performance.now() - t0) / 1000).toFixed(3), 'ms')
}
await app.close()
for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true })
