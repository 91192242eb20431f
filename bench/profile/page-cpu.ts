// Per-request cost of one benchmark request kind inside one process (no HTTP, no load generator),
// and a CPU profile of just the measured requests (the warm-up and the set-up left out):
//   npx tsx bench/profile/page-cpu.ts home|calc|queue|claim|quote|buildings|healthz [N] [--small]
//   npx tsx bench/profile/cpuprofile-top.ts bench/data/profiles/page-<kind>.cpuprofile
//   npx tsx bench/profile/cpuprofile-inclusive.ts bench/data/profiles/page-<kind>.cpuprofile 'src/'
// (app.inject keeps a little of every GET it serves until the process ends, so compare kinds
// with each other here, and with the HTTP benchmark for absolute figures.)
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Session } from 'node:inspector/promises'
import { DATA_DIR } from '../config.js'
import { kindOf, openProfileApp } from './app.js'

const args = process.argv.slice(2).filter((a) => !a.startsWith('--'))
const kind = kindOf(args[0])
const n = Number(args[1] ?? 3000)
const { request, close } = await openProfileApp()
for (let i = 0; i < (kind === 'claim' ? 300 : 2500); i++) await request(kind, i + 1_000_000) // warm-up: JIT, caches, cookies
const session = new Session()
session.connect()
await session.post('Profiler.enable')
await session.post('Profiler.setSamplingInterval', { interval: 50 })
await session.post('Profiler.start')
const started = performance.now()
for (let i = 0; i < n; i++) await request(kind, i)
const us = (performance.now() - started) / n * 1000
const { profile } = await session.post('Profiler.stop')
const dir = join(DATA_DIR, 'profiles')
mkdirSync(dir, { recursive: true })
const file = join(dir, `page-${kind}.cpuprofile`)
writeFileSync(file, JSON.stringify(profile))
process.stdout.write(`${kind}: ${us.toFixed(0)} µs a request (${n} requests); CPU profile: ${file}\n`)
await close()
