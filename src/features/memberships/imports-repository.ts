// Roster imports: SQL only here.
import { and, desc, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../db/index.js'
import { enterprises, rosterImports } from '../../db/schema/index.js'
import type { ImportRow } from './membership-rows.js'

export function findImport (db: DbOrTx, id: number): ImportRow | undefined {
  return db.select().from(rosterImports).where(eq(rosterImports.id, id)).get()
}

export function findImportByFile (db: DbOrTx, enterpriseId: number, sha256: string): ImportRow | undefined {
  return db.select().from(rosterImports)
    .where(and(eq(rosterImports.enterpriseId, enterpriseId), eq(rosterImports.fileSha256, sha256))).get()
}

export function insertImport (db: DbOrTx, v: typeof rosterImports.$inferInsert): ImportRow {
  return db.insert(rosterImports).values(v).returning().get()
}

export function updateImport (db: DbOrTx, id: number, patch: Partial<typeof rosterImports.$inferInsert>): void {
  db.update(rosterImports).set(patch).where(eq(rosterImports.id, id)).run()
}

export function recentImports (db: DbOrTx, uploadedBy: number) {
  return db.select({ i: rosterImports, enterpriseName: enterprises.name }).from(rosterImports)
    .leftJoin(enterprises, eq(enterprises.id, rosterImports.enterpriseId))
    .where(eq(rosterImports.uploadedBy, uploadedBy)).orderBy(desc(rosterImports.id)).limit(20).all()
    .map((r) => ({ ...r.i, enterpriseName: r.enterpriseName }))
}

/** Imports left running by a stopped process can never finish: mark them failed. */
export function failStaleImports (db: DbOrTx, at: string): void {
  db.update(rosterImports).set({ status: 'failed', failure: 'interrupted', finishedAt: at })
    .where(inArray(rosterImports.status, ['queued', 'running'])).run()
}
