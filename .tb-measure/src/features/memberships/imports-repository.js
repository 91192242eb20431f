import { and, desc, eq, inArray } from "drizzle-orm";
import { enterprises, rosterImports } from "../../db/schema/index.js";
function findImport(db, id) {
  return db.select().from(rosterImports).where(eq(rosterImports.id, id)).get();
}
function findImportByFile(db, enterpriseId, sha256) {
  return db.select().from(rosterImports).where(and(eq(rosterImports.enterpriseId, enterpriseId), eq(rosterImports.fileSha256, sha256))).get();
}
function insertImport(db, v) {
  return db.insert(rosterImports).values(v).returning().get();
}
function updateImport(db, id, patch) {
  db.update(rosterImports).set(patch).where(eq(rosterImports.id, id)).run();
}
function recentImports(db, uploadedBy) {
  return db.select({ i: rosterImports, enterpriseName: enterprises.name }).from(rosterImports).leftJoin(enterprises, eq(enterprises.id, rosterImports.enterpriseId)).where(eq(rosterImports.uploadedBy, uploadedBy)).orderBy(desc(rosterImports.id)).limit(20).all().map((r) => ({ ...r.i, enterpriseName: r.enterpriseName }));
}
function failStaleImports(db, at) {
  db.update(rosterImports).set({ status: "failed", failure: "interrupted", finishedAt: at }).where(inArray(rosterImports.status, ["queued", "running"])).run();
}
export {
  failStaleImports,
  findImport,
  findImportByFile,
  insertImport,
  recentImports,
  updateImport
};
//# sourceMappingURL=imports-repository.js.map
