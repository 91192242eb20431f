// npm run seed:demo — a demo database modelled on the article (五华科创大厦: 96 enterprises,
// 61 enrolled, 1,034 members) so a newcomer can click through at once. Each feature seeds its
// own part, in order; demo accounts are printed at the end. Refuses a database with real data.
import { sql } from 'drizzle-orm'
import { loadConfig } from '../config.js'
import { openDatabase, type Db } from '../db/index.js'
import { createClock, type Clock } from '../lib/clock.js'
import { createPii, type Pii } from '../lib/pii.js'
import { seedBuildings } from '../features/buildings/demo-seed.js'
import { seedMemberships } from '../features/memberships/demo-seed.js'
import { seedAid } from '../features/aid/demo-seed.js'
import { seedClaims } from '../features/claims/demo-seed.js'
import { seedGovernance } from '../features/governance/demo-seed.js'

export interface SeedContext {
  db: Db
  clock: Clock
  pii: Pii
  /** Where encrypted files go (UPLOAD_DIR); without it, seeds store no files. */
  uploadDir?: string
  /** Demo accounts to print at the end: role, phone, password, what to try. */
  accounts: Array<{ role: string, phone: string, password: string, note: string }>
  /** Facts the earlier steps leave for the later ones (ids of buildings, enterprises, users…). */
  facts: Record<string, unknown>
  log: (line: string) => void
}

export const DEMO_PASSWORD = 'Demo-pass-2026'

export async function seedDemo (ctx: SeedContext): Promise<void> {
  const users = ctx.db.get<{ n: number }>(sql`select count(*) as n from users`)
  if (users !== undefined && users.n > 0) {
    throw new Error('This database already holds data: seed:demo only runs on an empty database (set DATABASE_PATH to a new file).')
  }
  await seedBuildings(ctx)
  await seedMemberships(ctx)
  await seedAid(ctx)
  await seedClaims(ctx)
  await seedGovernance(ctx)
  // Each demo account once: an account two steps mention keeps one line with both notes.
  const byPhone = new Map<string, SeedContext['accounts'][number]>()
  for (const a of ctx.accounts) {
    const seen = byPhone.get(a.phone)
    if (seen === undefined) byPhone.set(a.phone, { ...a })
    else if (!seen.note.includes(a.note)) seen.note += '；' + a.note
  }
  ctx.accounts.splice(0, ctx.accounts.length, ...byPhone.values())
}

const invokedDirectly = process.argv[1] !== undefined && /seed-demo\.(ts|js)$/.test(process.argv[1])
if (invokedDirectly) {
  const config = loadConfig()
  const db = openDatabase(config.databasePath)
  const ctx: SeedContext = { db, clock: createClock(), pii: createPii(config.piiKey), uploadDir: config.uploadDir, accounts: [], facts: {}, log: (l) => process.stdout.write(l + '\n') }
  seedDemo(ctx).then(() => {
    ctx.log('\nDemo accounts (password for all: ' + DEMO_PASSWORD + '):')
    for (const a of ctx.accounts) ctx.log(`  ${a.role.padEnd(8)} ${a.phone}  ${a.note}`)
    db.$client.close()
  }, (err: Error) => {
    process.stderr.write(err.message + '\n')
    db.$client.close()
    process.exitCode = 1
  })
}
