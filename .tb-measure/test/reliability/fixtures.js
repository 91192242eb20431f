import { addDays, maxDate } from "../../src/domain/dates.js";
import { coverWindow } from "../../src/domain/cover.js";
import { defaultPlan } from "../../src/domain/aid-plan.js";
import { maskResidentId, residentIdFacts } from "../../src/domain/identity.js";
import { formatMemberNo } from "../../src/domain/memberships.js";
import { hashPassword } from "../../src/lib/password.js";
import { upsertPlan } from "../../src/features/aid/plans-repository.js";
import {
  aidPurchases,
  buildings,
  counters,
  enterprises,
  memberships,
  payoutAccounts,
  roleGrants,
  staffScopes,
  users
} from "../../src/db/schema/index.js";
import { uniqueResidentId, uniqueUscc } from "../factories.js";
const FIXTURE_PASSWORD = "fixture-pass-2026";
let seq = 0;
async function seedCoveredMembers(db, pii, opts) {
  const today = opts.today;
  const Y = Number(today.slice(0, 4));
  const hash = await hashPassword(FIXTURE_PASSWORD);
  const at = `${addDays(today, -1)}T02:00:00.000Z`;
  const run = ++seq;
  return db.transaction((tx) => {
    const user = (name, phone) => tx.insert(users).values({ phone, name, passwordHash: hash, createdAt: at, updatedAt: at }).returning({ id: users.id }).get().id;
    const phoneBase = 16e9 + run * 1e4 + Math.floor(Math.random() * 900) * 1e6;
    const adminId = user("\u7BA1\u7406\u5458", String(phoneBase + 9999));
    tx.insert(roleGrants).values({ userId: adminId, role: "admin", grantedAt: at }).run();
    const buildingId = tx.insert(buildings).values({ name: `\u53EF\u9760\u6027\u6D4B\u8BD5\u5927\u53A6${run}`, district: "\u4E94\u534E\u533A", address: "\u6606\u660E\u5E02\u4E94\u534E\u533A", enterprisesTotal: 10, createdAt: at, updatedAt: at }).returning({ id: buildings.id }).get().id;
    const staffIds = [user("\u5BA1\u6838\u5458\u7532", String(phoneBase + 9998)), user("\u5BA1\u6838\u5458\u4E59", String(phoneBase + 9997))];
    for (const id of staffIds) {
      tx.insert(roleGrants).values({ userId: id, role: "staff", grantedAt: at }).run();
      tx.insert(staffScopes).values({ userId: id, buildingId, grantedAt: at }).run();
    }
    for (const year of [Y - 1, Y]) upsertPlan(tx, { ...defaultPlan(year), requiredDocuments: [] }, null, at);
    const members = [];
    let enterpriseId = 0;
    const counter = tx.select().from(counters).all().find((c) => c.name === "membership_no")?.value ?? 0;
    for (let i = 0; i < opts.members; i++) {
      const phone = String(phoneBase + i);
      const userId = user(`\u804C\u5DE5${i}`, phone);
      if (i === 0) {
        enterpriseId = tx.insert(enterprises).values({
          buildingId,
          name: `\u53EF\u9760\u6027\u6D4B\u8BD5\u6709\u9650\u516C\u53F8${run}`,
          uscc: uniqueUscc(),
          headcount: opts.members + 5,
          liaisonUserId: userId,
          status: "enrolled",
          submittedAt: at,
          decidedAt: at,
          decidedBy: staffIds[0],
          createdAt: at,
          updatedAt: at
        }).returning({ id: enterprises.id }).get().id;
      }
      const idNumber = uniqueResidentId("1980-01-01");
      const facts = residentIdFacts(idNumber);
      const joined = `${Y - 2}-03-01`;
      const membershipId = tx.insert(memberships).values({
        userId,
        enterpriseId,
        name: `\u804C\u5DE5${i}`,
        idCipher: pii.encrypt(idNumber),
        idHash: pii.hash(idNumber),
        idMasked: maskResidentId(idNumber),
        gender: facts.gender,
        birthDate: facts.birthDate,
        mobile: phone,
        memberNo: formatMemberNo(Y - 2, counter + i + 1),
        status: "active",
        joinedOn: joined,
        consentAt: at,
        appliedAt: at,
        appliedBy: userId,
        decidedAt: at,
        decidedBy: staffIds[0],
        createdAt: at,
        updatedAt: at
      }).returning({ id: memberships.id }).get().id;
      let purchaseId = 0;
      for (const year of [Y - 1, Y]) {
        const paidOn = `${year}-01-01`;
        const cover = coverWindow(year, paidOn, 90, year === Y);
        purchaseId = tx.insert(aidPurchases).values({
          membershipId,
          planYear: year,
          shares: 1,
          amountFen: 12e3,
          status: "paid",
          orderedBy: userId,
          orderedOn: paidOn,
          receiptNo: `FX${run}-${year}-${i}`,
          paidOn,
          confirmedVia: "staff",
          confirmedBy: staffIds[0],
          confirmedAt: `${paidOn}T02:00:00.000Z`,
          firstTime: year !== Y,
          coverFrom: cover.coverFrom,
          coverTo: cover.coverTo,
          createdAt: `${paidOn}T01:00:00.000Z`,
          updatedAt: `${paidOn}T02:00:00.000Z`
        }).returning({ id: aidPurchases.id }).get().id;
      }
      tx.insert(payoutAccounts).values({ userId, bankName: "\u4E2D\u56FD\u5DE5\u5546\u94F6\u884C", accountNo: pii.encrypt(`6222020000${String(i).padStart(9, "0")}`), accountLast4: String(i).padStart(4, "0").slice(-4), accountName: `\u804C\u5DE5${i}`, updatedAt: at }).run();
      members.push({ userId, membershipId, purchaseId, phone });
    }
    tx.insert(counters).values({ name: "membership_no", value: counter + opts.members }).onConflictDoUpdate({ target: counters.name, set: { value: counter + opts.members } }).run();
    const admissionDate = maxDate(`${Y}-01-01`, addDays(today, -6));
    return { buildingId, enterpriseId, staffIds, adminId, members, admissionDate, dischargeDate: maxDate(admissionDate, addDays(today, -1)) };
  });
}
export {
  FIXTURE_PASSWORD,
  seedCoveredMembers
};
//# sourceMappingURL=fixtures.js.map
