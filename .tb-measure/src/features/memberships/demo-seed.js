import { and, eq, inArray, sql } from "drizzle-orm";
import { DEMO_PASSWORD } from "../../cli/seed-demo.js";
import { hashPassword } from "../../lib/password.js";
import { addDays } from "../../domain/dates.js";
import { maskResidentId, residentIdFacts } from "../../domain/identity.js";
import { formatMemberNo, makeResidentId } from "../../domain/memberships.js";
import { counters, enterprises, membershipTransfers, users } from "../../db/schema/index.js";
import { writeAudit } from "../audit/audit-repository.js";
import { insertMemberships } from "./memberships-repository.js";
import { MEMBER_NO_COUNTER } from "./memberships-service.js";
import { prng } from "../../lib/prng.js";
const DEMO_MEMBERS = 1034;
const SURNAMES = "\u738B\u674E\u5F20\u5218\u9648\u6768\u8D75\u9EC4\u5468\u5434\u5F90\u5B59\u80E1\u6731\u9AD8\u6797\u4F55\u90ED\u9A6C\u7F57\u6881\u5B8B\u90D1\u8C22\u97E9\u5510\u51AF\u4E8E\u8463\u8427\u7A0B\u66F9\u8881\u9093\u8BB8\u5085\u6C88\u66FE\u5F6D\u5415\u82CF\u5362\u848B\u8521\u8D3E\u4E01\u9B4F\u859B\u53F6\u960E\u4F59\u6F58\u675C\u6234\u590F\u949F\u6C6A\u7530\u4EFB\u59DC\u8303\u65B9\u77F3\u59DA\u8C2D\u5ED6\u90B9\u718A\u91D1\u9646\u90DD\u5B54\u767D\u5D14\u5EB7\u6BDB\u90B1\u79E6\u6C5F\u53F2\u987E\u4FAF\u90B5\u5B5F\u9F99\u4E07\u6BB5\u96F7\u94B1\u6C64\u5C39\u9ECE\u6613\u5E38\u6B66\u4E54\u8D3A\u8D56\u9F9A\u6587";
const GIVEN = ["\u4F1F", "\u82B3", "\u5A1C", "\u654F", "\u9759", "\u4E3D", "\u5F3A", "\u78CA", "\u519B", "\u6D0B", "\u52C7", "\u8273", "\u6770", "\u5A1F", "\u6D9B", "\u660E", "\u8D85", "\u79C0\u82F1", "\u971E", "\u5E73", "\u521A", "\u6842\u82F1", "\u5A77", "\u6D69", "\u5B87", "\u6B23", "\u96EA", "\u6668", "\u7433", "\u51EF", "\u946B", "\u4F73", "\u777F", "\u5B50\u6DB5", "\u6893\u8431", "\u601D\u8FDC", "\u4E00\u9E23", "\u96E8\u6850", "\u660A\u5929", "\u5609\u6021"];
const AREAS = ["530102", "530103", "530111", "530112", "530114", "530181", "530302", "530402", "530502", "530602", "532301", "532501", "532601", "532801", "532901", "533103", "510104", "520102", "450103", "430102"];
async function seedMemberships(ctx) {
  const { db, pii, clock } = ctx;
  const rand = prng(1034);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const today = clock.today();
  const at = clock.iso();
  const named = Array.isArray(ctx.facts.enrolledEnterpriseIds) ? ctx.facts.enrolledEnterpriseIds : [];
  const rows = db.select({
    id: enterprises.id,
    liaisonUserId: enterprises.liaisonUserId,
    buildingId: enterprises.buildingId
  }).from(enterprises).where(named.length > 0 ? and(inArray(enterprises.id, named), eq(enterprises.status, "enrolled")) : eq(enterprises.status, "enrolled")).orderBy(enterprises.id).limit(61).all();
  if (rows.length === 0) {
    ctx.log("memberships: no enrolled enterprise to seed members for; skipped");
    return;
  }
  const demoEnterpriseId = typeof ctx.facts.demoLiaisonEnterpriseId === "number" && rows.some((r) => r.id === ctx.facts.demoLiaisonEnterpriseId) ? ctx.facts.demoLiaisonEnterpriseId : rows[0].id;
  const demoEnterprise = rows.find((r) => r.id === demoEnterpriseId);
  const others = rows.filter((r) => r.id !== demoEnterpriseId);
  const usedIds = /* @__PURE__ */ new Set();
  const newId = () => {
    for (; ; ) {
      const birth = addDays("1966-01-01", Math.floor(rand() * 13500));
      const id = makeResidentId(pick(AREAS), birth, Math.floor(rand() * 1e3));
      if (!usedIds.has(id)) {
        usedIds.add(id);
        return id;
      }
    }
  };
  let mobileSeq = 0;
  const newMobile = () => `1${pick(["36", "38", "39", "51", "52", "58", "59", "87", "88"])}${String(71e5 + ++mobileSeq * 37).padStart(8, "0")}`;
  const newName = () => pick([...SURNAMES]) + pick(GIVEN);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const base = (id, name, enterpriseId, mobile) => {
    const f = residentIdFacts(id);
    return { enterpriseId, name, idCipher: pii.encrypt(id), idHash: pii.hash(id), idMasked: maskResidentId(id), gender: f.gender, birthDate: f.birthDate, mobile, source: "online" };
  };
  const joins = Array.from({ length: DEMO_MEMBERS }, () => addDays(today, -Math.floor(rand() * 1e3) - 1)).sort();
  const weights = rows.map(() => 0.3 + rand() * 2);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const enterpriseFor = () => {
    let x = rand() * totalWeight;
    for (let i = 0; i < rows.length; i++) {
      x -= weights[i];
      if (x <= 0) return rows[i];
    }
    return rows[rows.length - 1];
  };
  let transfers = 0;
  db.transaction((tx) => {
    const addUser = (name, phone) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.phone, phone)).get() !== void 0) return null;
      return tx.insert(users).values({ phone, name, passwordHash, createdAt: at, updatedAt: at }).returning({ id: users.id }).get().id;
    };
    const inserts = [];
    const active = (joinedOn, seq, ent, userId, name, mobile) => {
      const appliedAt = addDays(joinedOn, -2) + "T02:00:00.000Z";
      const decidedAt = joinedOn + "T03:00:00.000Z";
      return {
        ...base(newId(), name, ent.id, mobile),
        userId,
        status: "active",
        memberNo: formatMemberNo(joinedOn.slice(0, 4), seq),
        joinedOn,
        consentAt: appliedAt,
        appliedAt,
        appliedBy: userId ?? ent.liaisonUserId,
        decidedAt,
        decidedBy: ent.liaisonUserId,
        createdAt: appliedAt,
        updatedAt: decidedAt
      };
    };
    const memberPhone = "13900000021";
    const memberUser = addUser("\u738B\u82B3", memberPhone);
    for (let i = 0; i < DEMO_MEMBERS; i++) {
      const isDemo = i === 40 && memberUser !== null;
      const ent = isDemo ? demoEnterprise : enterpriseFor();
      inserts.push(active(joins[i], i + 1, ent, isDemo ? memberUser : null, isDemo ? "\u738B\u82B3" : newName(), isDemo ? memberPhone : newMobile()));
    }
    for (let i = 0; i < 6; i++) {
      const ent = enterpriseFor();
      const joinedOn = addDays(today, -700 - i * 30);
      const row = active(joinedOn, DEMO_MEMBERS + i + 1, ent, null, newName(), newMobile());
      inserts.push({ ...row, status: "left", leftOn: addDays(joinedOn, 200), updatedAt: addDays(joinedOn, 200) + "T03:00:00.000Z" });
    }
    for (let i = 0; i < 3; i++) {
      const ent = i === 0 ? demoEnterprise : pick(others.length > 0 ? others : rows);
      const appliedAt = addDays(today, -20 - i) + "T02:00:00.000Z";
      inserts.push({ ...base(newId(), newName(), ent.id, newMobile()), userId: null, status: "rejected", rejectReason: "\u7ECF\u6838\u5B9E\u4E0D\u662F\u672C\u4F01\u4E1A\u804C\u5DE5\u3002", consentAt: appliedAt, appliedAt, appliedBy: ent.liaisonUserId, decidedAt: appliedAt, decidedBy: ent.liaisonUserId, createdAt: appliedAt, updatedAt: appliedAt });
    }
    const applicantPhone = "13900000022";
    const applicant = addUser("\u5218\u6D0B", applicantPhone);
    for (let i = 0; i < 8; i++) {
      const ent = i < 3 ? demoEnterprise : pick(others.length > 0 ? others : rows);
      const appliedAt = addDays(today, -(i % 4)) + "T01:30:00.000Z";
      const withAccount = i === 0 && applicant !== null;
      inserts.push({
        ...base(newId(), withAccount ? "\u5218\u6D0B" : newName(), ent.id, withAccount ? applicantPhone : newMobile()),
        userId: withAccount ? applicant : null,
        status: "applied",
        consentAt: appliedAt,
        appliedAt,
        appliedBy: withAccount ? applicant : ent.liaisonUserId,
        source: withAccount ? "online" : "import",
        createdAt: appliedAt,
        updatedAt: appliedAt
      });
    }
    insertMemberships(db, inserts);
    tx.insert(counters).values({ name: MEMBER_NO_COUNTER, value: DEMO_MEMBERS + 6 }).onConflictDoUpdate({ target: counters.name, set: { value: sql`max(${counters.value}, ${DEMO_MEMBERS + 6})` } }).run();
    const mover = db.$client.prepare("select id, enterprise_id as e from memberships where status = 'active' and enterprise_id <> ? and user_id is null order by id desc limit 1").get(demoEnterprise.id);
    if (mover !== void 0) {
      tx.insert(membershipTransfers).values({ membershipId: mover.id, fromEnterpriseId: mover.e, toEnterpriseId: demoEnterprise.id, status: "pending", requestedAt: at, requestedBy: null }).run();
      transfers++;
    }
    writeAudit(tx, at, { actorUserId: null, action: "membership.seed", entityType: "membership", entityId: "demo", after: { active: DEMO_MEMBERS, enterprises: rows.length }, note: "demo seed" });
    const memberRow = memberUser === null ? void 0 : db.$client.prepare("select id from memberships where user_id = ?").get(memberUser);
    ctx.facts.memberUserId = memberUser;
    ctx.facts.memberMembershipId = memberRow?.id;
    ctx.facts.applicantUserId = applicant;
    ctx.facts.membershipEnterpriseIds = rows.map((r) => r.id);
  });
  if (ctx.facts.memberUserId !== null) ctx.accounts.push({ role: "member", phone: "13900000021", password: DEMO_PASSWORD, note: "\u4F1A\u5458\u738B\u82B3\uFF1A\u67E5\u770B\u7535\u5B50\u4F1A\u5458\u8BC1\uFF08/membership/card\uFF09\uFF0C\u7533\u8BF7\u8F6C\u4F1A" });
  if (ctx.facts.applicantUserId !== null) ctx.accounts.push({ role: "member", phone: "13900000022", password: DEMO_PASSWORD, note: "\u5165\u4F1A\u7533\u8BF7\u5F85\u5BA1\u6838\uFF1A\u7531\u8054\u7EDC\u5458 13900000011 \u6279\u51C6" });
  ctx.log(`memberships: ${DEMO_MEMBERS} active members across ${rows.length} enterprises; 8 applications pending; ${transfers} transfer pending`);
}
export {
  DEMO_MEMBERS,
  seedMemberships
};
//# sourceMappingURL=demo-seed.js.map
