import { sql } from "drizzle-orm";
import { addDays } from "../../domain/dates.js";
import { addMonths, isLateFiling } from "../../domain/collective-contract.js";
import { answerDueOn } from "../../domain/bargaining.js";
import { maskResidentId, residentIdFacts } from "../../domain/identity.js";
import { formatMemberNo, makeResidentId } from "../../domain/memberships.js";
import {
  bargainingMeetings,
  bargainingNegotiators,
  bargainingProposals,
  bargainingRounds,
  charterVersions,
  collectiveContracts,
  congresses,
  congressRepresentatives,
  congressSessions,
  disclosures,
  motions,
  motionVotes,
  sessionAttendance
} from "../../db/schema/index.js";
import { writeAudit } from "../audit/audit-repository.js";
import { insertMemberships, takeNumbers } from "../memberships/memberships-repository.js";
import { MEMBER_NO_COUNTER } from "../memberships/memberships-service.js";
import { storeEncrypted } from "../claims/documents.js";
import { prng } from "../../lib/prng.js";
const CONTRACT_TEXT = [
  "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C",
  "\u7B2C\u4E00\u6761 \u52B3\u52A8\u62A5\u916C\uFF1A\u697C\u5B87\u5185\u4F01\u4E1A\u804C\u5DE5\u6708\u5DE5\u8D44\u4E0D\u4F4E\u4E8E\u6606\u660E\u5E02\u6700\u4F4E\u5DE5\u8D44\u6807\u51C6\u7684 120%\uFF0C\u6BCF\u5E74\u534F\u5546\u786E\u5B9A\u5DE5\u8D44\u589E\u957F\u5E45\u5EA6\u3002",
  "\u7B2C\u4E8C\u6761 \u5DE5\u4F5C\u65F6\u95F4\uFF1A\u5B9E\u884C\u6807\u51C6\u5DE5\u65F6\u5236\uFF0C\u786E\u9700\u52A0\u73ED\u7684\u5E94\u4E0E\u804C\u5DE5\u534F\u5546\u5E76\u4F9D\u6CD5\u652F\u4ED8\u52A0\u73ED\u5DE5\u8D44\u3002",
  "\u7B2C\u4E09\u6761 \u4F11\u606F\u4F11\u5047\uFF1A\u804C\u5DE5\u4EAB\u6709\u6CD5\u5B9A\u8282\u5047\u65E5\u3001\u5E74\u4F11\u5047\u3001\u5A5A\u4E27\u5047\u3001\u4EA7\u5047\u7B49\u5047\u671F\u3002",
  "\u7B2C\u56DB\u6761 \u798F\u5229\u5F85\u9047\uFF1A\u4F01\u4E1A\u4E3A\u804C\u5DE5\u529E\u7406\u804C\u5DE5\u533B\u7597\u4E92\u52A9\uFF0C\u7EC4\u7EC7\u91D1\u79CB\u52A9\u5B66\u3001\u6C42\u5B66\u5706\u68A6\u7B49\u6D3B\u52A8\u3002",
  "\u7B2C\u4E94\u6761 \u804C\u4E1A\u57F9\u8BAD\uFF1A\u4F01\u4E1A\u6BCF\u5E74\u5B89\u6392\u804C\u5DE5\u53C2\u52A0\u804C\u4E1A\u6280\u80FD\u57F9\u8BAD\u3002",
  "\u7B2C\u516D\u6761 \u672C\u5408\u540C\u671F\u9650\u4E09\u5E74\uFF0C\u81EA\u751F\u6548\u4E4B\u65E5\u8D77\u8BA1\u7B97\u3002"
].join("\n");
async function seedGovernance(ctx) {
  const { db, clock, pii } = ctx;
  const today = clock.today();
  const rand = prng(20230707);
  const iso = (date, hour = 2) => `${date}T${String(hour).padStart(2, "0")}:00:00.000Z`;
  const buildingIds = ctx.facts.buildingIds ?? db.all(sql`select id from buildings order by id`).map((r) => r.id);
  const wuhua = ctx.facts.wuhuaBuildingId ?? buildingIds[0];
  const staff = ctx.facts.wuhuaStaffUserId ?? ctx.facts.adminUserId;
  if (wuhua === void 0 || staff === void 0) {
    ctx.log("governance: no building or staff to seed for; skipped");
    return;
  }
  const admin = ctx.facts.adminUserId ?? staff;
  let contractId = 0;
  db.transaction((tx) => {
    const at = clock.iso();
    const charterOn = "2022-07-15";
    tx.insert(charterVersions).values([
      { buildingId: wuhua, kind: "charter", version: 1, title: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u5DE5\u4F1A\u8054\u5408\u4F1A\u7AE0\u7A0B\uFF08\u8349\u6848\uFF09", body: "\u7B2C\u4E00\u7AE0 \u603B\u5219\n\u7B2C\u4E00\u6761 \u4E94\u534E\u79D1\u521B\u5927\u53A6\u5DE5\u4F1A\u8054\u5408\u4F1A\u662F\u697C\u5B87\u5185\u4F01\u4E1A\u804C\u5DE5\u81EA\u613F\u7ED3\u5408\u7684\u5DE5\u4EBA\u9636\u7EA7\u7FA4\u4F17\u7EC4\u7EC7\u2026\u2026", adoptedOn: charterOn, adoptedByText: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u5DE5\u4F1A\u8054\u5408\u4F1A\u4F1A\u5458\u4EE3\u8868\u5927\u4F1A", createdBy: staff, createdAt: iso(charterOn) },
      { buildingId: wuhua, kind: "congress_rules", version: 1, title: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u804C\u5DE5\u4EE3\u8868\u5927\u4F1A\u5B9E\u65BD\u7EC6\u5219", body: "\u7B2C\u4E00\u6761 \u4E3A\u4FDD\u969C\u697C\u5B87\u5185\u4F01\u4E1A\u804C\u5DE5\u4F9D\u6CD5\u53C2\u4E0E\u6C11\u4E3B\u7BA1\u7406\uFF0C\u6839\u636E\u300A\u4F01\u4E1A\u6C11\u4E3B\u7BA1\u7406\u89C4\u5B9A\u300B\uFF0C\u5236\u5B9A\u672C\u7EC6\u5219\u2026\u2026", adoptedOn: charterOn, adoptedByText: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u5DE5\u4F1A\u8054\u5408\u4F1A\u59D4\u5458\u4F1A", createdBy: staff, createdAt: iso(charterOn) }
    ]).run();
    const startsOn = addMonths(today, -13);
    const congressId = tx.insert(congresses).values({ buildingId: wuhua, termYears: 3, termNo: 1, form: "representatives", startsOn, endsOn: addDays(addMonths(startsOn, 36), -1), createdBy: staff, createdAt: iso(startsOn) }).returning({ id: congresses.id }).get().id;
    const memberId = ctx.facts.memberMembershipId;
    const pool = db.all(sql`select m.id, m.enterprise_id as enterpriseId from memberships m join enterprises e on e.id = m.enterprise_id
      where e.building_id = ${wuhua} and e.status = 'enrolled' and m.status = 'active' order by m.id`);
    const chosen = pool.filter((m) => m.id === memberId);
    for (const m of pool) {
      if (chosen.length >= 45) break;
      if (m.id !== memberId && rand() < 0.06) chosen.push(m);
    }
    for (const m of pool) {
      if (chosen.length >= 45) break;
      if (!chosen.includes(m)) chosen.push(m);
    }
    const reps = chosen.map((m, i) => tx.insert(congressRepresentatives).values({
      congressId,
      membershipId: m.id,
      enterpriseId: m.enterpriseId,
      category: i === 0 ? "frontline" : i <= 6 ? "operator" : i <= 20 ? "staff" : "frontline",
      addedBy: staff,
      addedAt: iso(startsOn)
    }).returning({ id: congressRepresentatives.id }).get().id);
    const roundOn = addMonths(today, -12);
    const roundId = tx.insert(bargainingRounds).values({ buildingId: wuhua, title: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u533A\u57DF\u6027\u96C6\u4F53\u534F\u5546", topics: JSON.stringify(["pay", "hours", "rest", "welfare", "training"]), createdBy: staff, createdAt: iso(roundOn) }).returning({ id: bargainingRounds.id }).get().id;
    const names = { workers: ["\u6ED5\u667A", "\u6768\u79CB\u6708", "\u674E\u5A1C", "\u5F20\u4F1F", "\u738B\u9759"], employers: ["\u9648\u521A", "\u5218\u654F", "\u8D75\u78CA", "\u5B59\u4E3D", "\u5468\u5F3A"] };
    for (const side of ["workers", "employers"]) names[side].forEach((name, i) => tx.insert(bargainingNegotiators).values({ roundId, side, name, position: i === 0 ? side === "workers" ? "\u5DE5\u4F1A\u8054\u5408\u4F1A\u526F\u4E3B\u5E2D" : "\u4F01\u4E1A\u4EE3\u8868" : null, chief: i === 0 }).run());
    tx.insert(bargainingProposals).values({ roundId, fromSide: "workers", body: "\u5C31\u52B3\u52A8\u62A5\u916C\u3001\u5DE5\u4F5C\u65F6\u95F4\u3001\u4F11\u606F\u4F11\u5047\u3001\u798F\u5229\u5F85\u9047\u3001\u804C\u4E1A\u57F9\u8BAD\u63D0\u51FA\u534F\u5546\u8981\u7EA6\u3002", proposedOn: roundOn, answerDueOn: answerDueOn(roundOn), answeredOn: addDays(roundOn, 12), answer: "\u540C\u610F\u534F\u5546\uFF0C\u5EFA\u8BAE\u4E8E\u4E0B\u6708\u4E0A\u65EC\u53EC\u5F00\u9996\u6B21\u534F\u5546\u4F1A\u8BAE\u3002", createdBy: staff, createdAt: iso(roundOn) }).run();
    tx.insert(bargainingMeetings).values([
      { roundId, heldOn: addDays(roundOn, 20), record: "\u53CC\u65B9\u5C31\u5DE5\u8D44\u589E\u957F\u5E45\u5EA6\u3001\u52A0\u73ED\u5DE5\u8D44\u8BA1\u7B97\u57FA\u6570\u8FDB\u884C\u9762\u5BF9\u9762\u534F\u5546\u3002", createdBy: staff, createdAt: iso(addDays(roundOn, 20)) },
      { roundId, heldOn: addDays(roundOn, 35), record: "\u53CC\u65B9\u5C31\u5408\u540C\u6587\u672C\u8FBE\u6210\u4E00\u81F4\uFF0C\u63D0\u4EA4\u8054\u5408\u804C\u4EE3\u4F1A\u5BA1\u8BAE\u3002", createdBy: staff, createdAt: iso(addDays(roundOn, 35)) }
    ]).run();
    contractId = tx.insert(collectiveContracts).values({ buildingId: wuhua, roundId, title: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C", kind: "general", termYears: 3, stage: "draft", createdBy: staff, createdAt: iso(addDays(roundOn, 36)), updatedAt: iso(addDays(roundOn, 36)) }).returning({ id: collectiveContracts.id }).get().id;
    const sessionOn = addMonths(today, -10);
    const s1 = tx.insert(congressSessions).values({ congressId, date: sessionOn, title: "\u7B2C\u4E00\u5C4A\u8054\u5408\u804C\u4EE3\u4F1A\u7B2C\u4E00\u6B21\u4F1A\u8BAE", agenda: JSON.stringify(["\u5BA1\u8BAE\u300A\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C\uFF08\u8349\u6848\uFF09\u300B", "\u542C\u53D6\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u5DE5\u4F5C\u62A5\u544A"]), signInToken: `demo-${congressId}-1`, createdBy: staff, createdAt: iso(addDays(sessionOn, -7)) }).returning({ id: congressSessions.id }).get().id;
    const present = reps.slice(0, 41);
    present.forEach((r, i) => tx.insert(sessionAttendance).values({ sessionId: s1, representativeId: r, via: i % 3 === 0 ? "staff" : "qr", recordedBy: staff, at: iso(sessionOn, 1) }).run());
    const motion = (title, kind, yes, no, abstain, cId) => {
      const id = tx.insert(motions).values({ sessionId: s1, title, kind, contractId: cId, status: "closed", totalRepresentatives: reps.length, result: yes * 2 > reps.length ? "passed" : "failed", yes, no, abstain, createdBy: staff, createdAt: iso(sessionOn, 2), closedBy: staff, closedAt: iso(sessionOn, 4) }).returning({ id: motions.id }).get().id;
      present.slice(0, yes + no + abstain).forEach((r, i) => tx.insert(motionVotes).values({ motionId: id, representativeId: r, vote: i < yes ? "yes" : i < yes + no ? "no" : "abstain", at: iso(sessionOn, 3) }).run());
      return id;
    };
    const contractMotion = motion("\u300A\u4E94\u534E\u79D1\u521B\u5927\u53A6\u96C6\u4F53\u5408\u540C\uFF08\u8349\u6848\uFF09\u300B", "collective_contract", 38, 1, 2, contractId);
    motion("\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u5DE5\u4F5C\u62A5\u544A", "report", 40, 0, 1, null);
    const signedOn = addDays(sessionOn, 5);
    const filedOn = addDays(signedOn, 7);
    let textPath;
    if (ctx.uploadDir !== void 0) textPath = { textPath: storeEncrypted(ctx.uploadDir, pii, contractId, Buffer.from(CONTRACT_TEXT, "utf8"), "contracts") };
    tx.update(collectiveContracts).set({ stage: "filed", motionId: contractMotion, signedOn, workersChief: "\u6ED5\u667A", employersChief: "\u9648\u521A", filedOn, filedLate: isLateFiling(signedOn, filedOn), updatedAt: iso(filedOn), ...textPath }).where(sql`id = ${contractId}`).run();
    for (const [action, on] of [["contract.draft", addDays(roundOn, 36)], ["contract.adopt", sessionOn], ["contract.sign", signedOn], ["contract.file", filedOn]]) {
      writeAudit(tx, iso(on), { actorUserId: staff, action, entityType: "collective_contract", entityId: contractId, note: "demo seed" });
    }
    tx.insert(congressSessions).values({ congressId, date: addDays(today, 7), title: "\u7B2C\u4E00\u5C4A\u8054\u5408\u804C\u4EE3\u4F1A\u7B2C\u4E8C\u6B21\u4F1A\u8BAE", agenda: JSON.stringify(["\u5BA1\u8BAE\u96C6\u4F53\u5408\u540C\u5C65\u884C\u60C5\u51B5\u62A5\u544A", "\u5BA1\u8BAE\u5973\u804C\u5DE5\u6743\u76CA\u4FDD\u62A4\u4E13\u9879\u96C6\u4F53\u5408\u540C\uFF08\u8349\u6848\uFF09"]), signInToken: `demo-${congressId}-2`, createdBy: staff, createdAt: at }).run();
    const enterprises = ctx.facts.enrolledEnterpriseIds ?? [];
    const categories = ["finance", "welfare", "pay", "safety", "contract", "rules"];
    for (let m = 11; m >= 0; m--) {
      const on = addMonths(today, -m);
      const month = on.slice(0, 7);
      tx.insert(disclosures).values({ buildingId: wuhua, category: categories[m % categories.length], title: `\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A ${month} \u516C\u5F00\u4E8B\u9879`, body: "\u672C\u6708\u5DE5\u4F1A\u7ECF\u8D39\u6536\u652F\u3001\u9001\u6E29\u6696\u6D3B\u52A8\u3001\u804C\u5DE5\u533B\u7597\u4E92\u52A9\u529E\u7406\u60C5\u51B5\u516C\u793A\u5982\u4E0B\u2026\u2026", periodFrom: `${month}-01`, periodTo: addDays(addMonths(`${month}-01`, 1), -1), publishedOn: on, createdBy: staff, createdAt: iso(on) }).run();
      if (m % 3 === 0 && m > 0) {
        for (const e of enterprises) {
          if (rand() < 0.7) tx.insert(disclosures).values({ buildingId: wuhua, enterpriseId: e, category: "pay", title: `${month} \u5B63\u5EA6\u5DE5\u8D44\u652F\u4ED8\u60C5\u51B5\u516C\u793A`, body: "\u672C\u5B63\u5EA6\u5DE5\u8D44\u6309\u65F6\u8DB3\u989D\u53D1\u653E\u2026\u2026", periodFrom: addMonths(`${month}-01`, -2), periodTo: addDays(addMonths(`${month}-01`, 1), -1), publishedOn: on, createdBy: staff, createdAt: iso(on) }).run();
        }
      }
    }
    for (const e of enterprises.slice(0, Math.floor(enterprises.length * 2 / 3))) {
      tx.insert(disclosures).values({ buildingId: wuhua, enterpriseId: e, category: "welfare", title: "\u804C\u5DE5\u798F\u5229\u53D1\u653E\u516C\u793A", body: "\u2026\u2026", periodFrom: addDays(today, -30), periodTo: today, publishedOn: addDays(today, -1), createdBy: staff, createdAt: at }).run();
    }
    writeAudit(tx, at, { actorUserId: admin, action: "governance.seed", entityType: "building", entityId: wuhua, after: { representatives: reps.length, contractId }, note: "demo seed" });
  });
  const enrolledBy = ctx.facts.enrolledEnterpriseIdsByBuilding ?? {};
  const others = buildingIds.filter((b) => b !== wuhua).slice(0, 23);
  const rows = [];
  const plan = [];
  let seq = 0;
  for (const b of others) {
    const ents = (enrolledBy[b] ?? []).slice(0, 2);
    if (ents.length === 0) continue;
    plan.push({ buildingId: b, first: rows.length });
    for (let i = 0; i < 12; i++) {
      seq++;
      const joinedOn = addDays(today, -400 - seq);
      const id = makeResidentId("530103", addDays("1975-01-01", seq * 37 % 9e3), seq);
      const f = residentIdFacts(id);
      rows.push({
        enterpriseId: ents[i % ents.length],
        name: `\u4F1A\u5458${b}-${i + 1}`,
        idCipher: pii.encrypt(id),
        idHash: pii.hash(id),
        idMasked: maskResidentId(id),
        gender: f.gender,
        birthDate: f.birthDate,
        mobile: null,
        source: "online",
        status: "active",
        joinedOn,
        consentAt: iso(joinedOn),
        appliedAt: iso(joinedOn),
        createdAt: iso(joinedOn),
        updatedAt: iso(joinedOn)
      });
    }
  }
  db.transaction((tx) => {
    const firstNo = takeNumbers(tx, MEMBER_NO_COUNTER, rows.length);
    rows.forEach((r, i) => {
      r.memberNo = formatMemberNo(r.joinedOn.slice(0, 4), firstNo + i);
    });
    insertMemberships(db, rows);
    for (const [k, p] of plan.entries()) {
      const ids = db.all(sql`select m.id, m.enterprise_id as enterpriseId from memberships m join enterprises e on e.id = m.enterprise_id
        where e.building_id = ${p.buildingId} and m.status = 'active' order by m.id`);
      const startsOn = addMonths(today, -14);
      const congressId = tx.insert(congresses).values({ buildingId: p.buildingId, termYears: 3, termNo: 1, form: "assembly", startsOn, endsOn: addDays(addMonths(startsOn, 36), -1), createdBy: admin, createdAt: iso(startsOn) }).returning({ id: congresses.id }).get().id;
      const reps = ids.map((m) => tx.insert(congressRepresentatives).values({ congressId, membershipId: m.id, enterpriseId: m.enterpriseId, category: "frontline", addedBy: admin, addedAt: iso(startsOn) }).returning({ id: congressRepresentatives.id }).get().id);
      const on = addMonths(today, -(2 + k % 9));
      const sessionId = tx.insert(congressSessions).values({ congressId, date: on, title: "\u5168\u4F53\u4F1A\u5458\u5927\u4F1A", agenda: JSON.stringify(["\u5BA1\u8BAE\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\u5E74\u5EA6\u5DE5\u4F5C\u8BA1\u5212"]), signInToken: `demo-${congressId}-1`, createdBy: admin, createdAt: iso(on) }).returning({ id: congressSessions.id }).get().id;
      for (const r of reps) tx.insert(sessionAttendance).values({ sessionId, representativeId: r, via: "staff", recordedBy: admin, at: iso(on) }).run();
      const motionId = tx.insert(motions).values({ sessionId, title: "\u5E74\u5EA6\u5DE5\u4F5C\u8BA1\u5212", kind: "resolution", status: "closed", totalRepresentatives: reps.length, result: "passed", yes: reps.length, no: 0, abstain: 0, createdBy: admin, createdAt: iso(on), closedBy: admin, closedAt: iso(on, 3) }).returning({ id: motions.id }).get().id;
      for (const r of reps) tx.insert(motionVotes).values({ motionId, representativeId: r, vote: "yes", at: iso(on, 2) }).run();
      tx.insert(disclosures).values({ buildingId: p.buildingId, category: "finance", title: "\u5DE5\u4F1A\u7ECF\u8D39\u6536\u652F\u516C\u793A", body: "\u2026\u2026", periodFrom: addMonths(on, -3), periodTo: on, publishedOn: on, createdBy: admin, createdAt: iso(on) }).run();
    }
    for (const b of buildingIds.filter((x) => x !== wuhua).slice(23, 25)) {
      const on = addMonths(today, -15);
      tx.insert(disclosures).values({ buildingId: b, category: "other", title: "\u5DE5\u4F1A\u7EC4\u5EFA\u60C5\u51B5\u516C\u793A", body: "\u2026\u2026", periodFrom: addMonths(on, -1), periodTo: on, publishedOn: on, createdBy: admin, createdAt: iso(on) }).run();
    }
  });
  ctx.facts.governanceContractId = contractId;
  ctx.log(`governance: \u4E94\u534E\u79D1\u521B\u5927\u53A6 congress of 45 with its contract in effect and a year of disclosures; ${plan.length} more buildings with an assembly and disclosures`);
}
export {
  seedGovernance
};
//# sourceMappingURL=demo-seed.js.map
