import { enterprises, memberships } from "../src/db/schema/index.js";
import { maskResidentId, residentIdFacts, usccCheckChar } from "../src/domain/identity.js";
import { makeResidentId } from "../src/domain/memberships.js";
import { createUser } from "./helper.js";
let seq = 0;
const next = () => ++seq;
function uniqueUscc() {
  const first17 = "91530129" + String(next()).padStart(9, "0");
  return first17 + usccCheckChar(first17);
}
function uniqueResidentId(birth = "1985-03-01") {
  const n = next();
  const day = new Date(Date.parse(`${birth}T00:00:00Z`) + Math.floor(n / 900) * 864e5).toISOString().slice(0, 10);
  return makeResidentId("530129", day, 100 + n % 900);
}
async function insertEnterprise(app, buildingId, opts = {}) {
  const liaisonUserId = opts.liaisonUserId ?? (await createUser(app, { name: "\u8054\u7EDC\u5458" })).id;
  const status = opts.status ?? "enrolled";
  const at = app.clock.iso();
  return app.db.insert(enterprises).values({
    buildingId,
    name: opts.name ?? `\u6D4B\u8BD5\u4F01\u4E1A${next()}`,
    uscc: uniqueUscc(),
    headcount: opts.headcount ?? 30,
    liaisonUserId,
    status,
    submittedAt: at,
    decidedAt: status === "pending" ? null : at,
    createdAt: at,
    updatedAt: at
  }).returning({ id: enterprises.id }).get().id;
}
function insertMembership(app, enterpriseId, opts = {}) {
  const idNumber = opts.idNumber ?? uniqueResidentId();
  const facts = residentIdFacts(idNumber);
  const status = opts.status ?? "active";
  const joined = status === "active" || status === "left";
  const at = app.clock.iso();
  return app.db.insert(memberships).values({
    userId: opts.userId ?? null,
    enterpriseId,
    name: opts.name ?? "\u4F1A\u5458",
    idCipher: app.pii.encrypt(idNumber),
    idHash: app.pii.hash(idNumber),
    idMasked: maskResidentId(idNumber),
    gender: facts.gender,
    birthDate: facts.birthDate,
    mobile: opts.mobile ?? null,
    memberNo: joined ? `TM${String(next()).padStart(8, "0")}` : null,
    status,
    joinedOn: joined ? opts.joinedOn ?? app.clock.today() : null,
    consentAt: at,
    appliedAt: at,
    createdAt: at,
    updatedAt: at
  }).returning({ id: memberships.id }).get().id;
}
export {
  insertEnterprise,
  insertMembership,
  uniqueResidentId,
  uniqueUscc
};
//# sourceMappingURL=factories.js.map
