import { coverWindow } from "../../domain/cover.js";
import { addDays, daysBetween, maxDate, minDate } from "../../domain/dates.js";
import { defaultPlan, planFromLatest } from "../../domain/aid-plan.js";
import { writeAudit } from "../audit/audit-repository.js";
import { getPlan, upsertPlan } from "./plans-repository.js";
import { prng } from "../../lib/prng.js";
async function seedAid(ctx) {
  const { db, clock } = ctx;
  const sqlite = db.$client;
  const today = clock.today();
  const year = Number(today.slice(0, 4));
  const at = clock.iso();
  const rnd = prng(20260615);
  const members = sqlite.prepare(`
    select m.id, m.user_id as userId, m.joined_on as joinedOn, m.enterprise_id as enterpriseId,
           e.building_id as buildingId, e.liaison_user_id as liaisonUserId
    from memberships m join enterprises e on e.id = m.enterprise_id
    where m.status = 'active' order by m.id`).all();
  const staffByBuilding = /* @__PURE__ */ new Map();
  for (const r of sqlite.prepare("select building_id as b, min(user_id) as u from staff_scopes group by building_id").all()) staffByBuilding.set(r.b, r.u);
  const admin = sqlite.prepare("select min(user_id) as u from role_grants where role = 'admin'").get();
  const insertGroup = sqlite.prepare("insert into aid_group_orders (enterprise_id, plan_year, ordered_by, created_at) values (?, ?, ?, ?)");
  const insertPurchase = sqlite.prepare(`
    insert into aid_purchases (membership_id, plan_year, shares, amount_fen, status, group_order_id, ordered_by, ordered_on,
      receipt_no, paid_on, confirmed_via, confirmed_by, confirmed_at, first_time, cover_from, cover_to, created_at, updated_at)
    values (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  let paid = 0;
  let pending = 0;
  let renewals = 0;
  db.transaction((tx) => {
    const lastYear = year - 1;
    if (getPlan(tx, lastYear) === void 0) {
      upsertPlan(tx, defaultPlan(lastYear), null, at);
      writeAudit(tx, at, { actorUserId: null, action: "aid_plan.create", entityType: "aid_plan", entityId: lastYear, after: defaultPlan(lastYear), note: "demo seed" });
    }
    if (getPlan(tx, year) === void 0) {
      const plan2 = planFromLatest(getPlan(tx, lastYear), year);
      upsertPlan(tx, plan2, null, at);
      writeAudit(tx, at, { actorUserId: null, action: "aid_plan.create", entityType: "aid_plan", entityId: year, after: plan2, note: "automatic" });
    }
    const previous = getPlan(tx, lastYear);
    const plan = getPlan(tx, year);
    const groups = /* @__PURE__ */ new Map();
    const groupFor = (enterpriseId, planYear, liaison, orderedOn) => {
      const key = `${enterpriseId}:${planYear}`;
      let id = groups.get(key);
      if (id === void 0) {
        id = Number(insertGroup.run(enterpriseId, planYear, liaison, `${orderedOn}T02:00:00.000Z`).lastInsertRowid);
        groups.set(key, id);
      }
      return id;
    };
    let receipt = 0;
    const confirmer = (m) => {
      const staff = staffByBuilding.get(m.buildingId) ?? admin.u;
      return staff === m.userId ? admin.u : staff;
    };
    const pay = (m, p, orderedOn, paidOn, renewal) => {
      const cover = coverWindow(p.year, paidOn, p.waitingDays, renewal);
      if (cover === null) return false;
      const by = m.userId ?? m.liaisonUserId;
      const group = m.userId === null ? groupFor(m.enterpriseId, p.year, m.liaisonUserId, orderedOn) : null;
      const confirmedBy = confirmer(m);
      receipt++;
      insertPurchase.run(
        m.id,
        p.year,
        p.shareFeeFen,
        "paid",
        group,
        by,
        orderedOn,
        `SJ${p.year}${String(receipt).padStart(6, "0")}`,
        paidOn,
        confirmedBy === null ? "webhook" : "staff",
        confirmedBy,
        `${paidOn}T03:00:00.000Z`,
        renewal ? 0 : 1,
        cover.coverFrom,
        cover.coverTo,
        `${orderedOn}T02:00:00.000Z`,
        `${paidOn}T03:00:00.000Z`
      );
      return true;
    };
    const dayIn = (from, to) => addDays(from, Math.floor(rnd() * (daysBetween(from, to) + 1)));
    const demoUser = typeof ctx.facts.memberUserId === "number" ? ctx.facts.memberUserId : null;
    for (const m of members) {
      const isDemo = demoUser !== null && m.userId === demoUser;
      const joined = m.joinedOn ?? previous.enrolFrom;
      let hadLastYear = false;
      if (joined < `${lastYear}-04-01` && (rnd() < 0.6 || isDemo)) {
        const orderedOn = dayIn(maxDate(previous.enrolFrom, joined), `${lastYear}-03-31`);
        hadLastYear = pay(m, previous, orderedOn, minDate(addDays(orderedOn, Math.floor(rnd() * 5)), `${lastYear}-03-31`), false);
      }
      const r = isDemo ? 0 : rnd();
      const from = maxDate(plan.enrolFrom, joined);
      const until = minDate(today, plan.enrolTo);
      if (from > until) continue;
      if (r < 0.85) {
        const orderedOn = dayIn(from, minDate(until, addDays(from, 45)));
        const paidOn = minDate(addDays(orderedOn, Math.floor(rnd() * 7)), today);
        if (pay(m, plan, orderedOn, paidOn, hadLastYear)) {
          paid++;
          if (hadLastYear) renewals++;
        }
      } else if (r < 0.9) {
        const orderedOn = dayIn(maxDate(from, addDays(until, -14)), until);
        if (coverWindow(plan.year, orderedOn, plan.waitingDays, hadLastYear) === null) continue;
        const by = m.userId ?? m.liaisonUserId;
        const group = m.userId === null ? groupFor(m.enterpriseId, plan.year, m.liaisonUserId, orderedOn) : null;
        insertPurchase.run(
          m.id,
          plan.year,
          plan.shareFeeFen,
          "pending_payment",
          group,
          by,
          orderedOn,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          `${orderedOn}T02:00:00.000Z`,
          `${orderedOn}T02:00:00.000Z`
        );
        pending++;
      }
    }
  });
  ctx.log(`aid: plans ${year - 1} and ${year}; ${paid} paid shares (${renewals} renewals), ${pending} awaiting payment, of ${members.length} active members`);
}
export {
  seedAid
};
//# sourceMappingURL=demo-seed.js.map
