// Drives one URL 3,000 times as signed-in members, for a CPU profile:
//   node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/profile/mb-one.ts /
//   npx tsx bench/profile/cpuprofile-top.ts /tmp/prof/*.cpuprofile
import { copyFileSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { buildApp } from '../../src/app.js'
import { loadConfig } from '../../src/config.js'
import { mintToken } from '../http.js'
import { BENCH_JWT_SECRET, BENCH_PII_KEY, DATA_DIR, SCALES, dbPathFor, metaPathFor, type BenchMeta } from '../config.js'
const scale = SCALES.city
const meta = JSON.parse(readFileSync(metaPathFor(scale), 'utf8')) as BenchMeta
const db = join(DATA_DIR, 'mb1.profile.db')
for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true })
copyFileSync(dbPathFor(scale), db)
const app = await buildApp(loadConfig({ NODE_ENV: 'production', JWT_SECRET: BENCH_JWT_SECRET, PII_KEY: BENCH_PII_KEY, DATABASE_PATH: db, LOG_LEVEL: 'error' }))
await app.ready()
const tokens = meta.homeMembers.map((uid) => `token=${mintToken(uid, 0, BENCH_JWT_SECRET)}`)
const url = process.argv[2] ?? '/'
for (let i = 0; i < 3000; i++) await app.inject({ url, headers: { cookie: tokens[i % tokens.length], accept: 'text/html' } })
await app.close()
for (const p of [db, `${db}-wal`, `${db}-shm`]) rmSync(p, { force: true })
