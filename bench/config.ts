// What the benchmark generator and runner agree on: file locations, the secrets the bench
// server runs with (the generator encrypts ID numbers with the same PII key), the scales.
import { join } from 'node:path'
import { projectRoot } from '../src/paths.js'

export const BENCH_DIR = join(projectRoot, 'bench')
export const DATA_DIR = join(BENCH_DIR, 'data')
export const RESULTS_DIR = join(BENCH_DIR, 'results')

/** Bench-only secrets (≥ 32 characters, as production requires). Never use them elsewhere. */
export const BENCH_JWT_SECRET = 'bench-only-jwt-secret-not-for-production-0123456789'
export const BENCH_PII_KEY = 'bench-only-pii-key-not-for-production-0123456789ab'
/** The password of every generated account (hashed once, the hash reused). */
export const BENCH_PASSWORD = 'Bench-pass-2026'

/** Bumped whenever the generator's output changes shape: older files are regenerated. */
export const GENERATOR_VERSION = 5

export interface Scale {
  name: 'city' | 'small' | 'tiny'
  buildings: number
  enterprises: number
  members: number
  shares: number
  claims: number
}

export const SCALES: Record<Scale['name'], Scale> = {
  city: { name: 'city', buildings: 40, enterprises: 4000, members: 200_000, shares: 200_000, claims: 100_000 },
  // 10× fewer rows; the same 40 buildings, so every page has the same shape and only the
  // volume of data differs ("cost must not grow with the data").
  small: { name: 'small', buildings: 40, enterprises: 400, members: 20_000, shares: 20_000, claims: 10_000 },
  // Only to check that the bench's scenarios run (npm run bench -- --tiny): its figures mean nothing.
  tiny: { name: 'tiny', buildings: 40, enterprises: 80, members: 2_000, shares: 2_000, claims: 1_000 }
}

export const dbPathFor = (scale: Scale): string => join(DATA_DIR, `${scale.name}.db`)
export const metaPathFor = (scale: Scale): string => join(DATA_DIR, `${scale.name}.meta.json`)

/** What the generator leaves for the runner: who to sign in as, and what exists. */
export interface BenchMeta {
  version: number
  scale: Scale
  generatedAt: string
  /** Shanghai date the data was generated for; claims and cover are relative to it. */
  today: string
  planYear: number
  seconds: number
  counts: Record<string, number>
  adminUserId: number
  /** Staff accounts, one or more per building. */
  staff: Array<{ userId: number, buildingId: number }>
  /** Members with an active membership, a paid share covering the last 30 days (claims get 201). */
  claimants: number[]
  /** Members with a membership, a share and claims: the home page has something to show. */
  homeMembers: number[]
  /** A liaison and an enrolled enterprise of theirs (the roster import benchmark). */
  liaison: { userId: number, enterpriseId: number, buildingId: number }
}
