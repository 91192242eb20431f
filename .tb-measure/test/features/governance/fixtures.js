import { users } from "../../../src/db/schema/index.js";
import { hashPassword } from "../../../src/lib/password.js";
import { createUser, injectAs, insertBuilding, nextPhone, PASSWORD } from "../../helper.js";
import { insertEnterprise, insertMembership } from "../../factories.js";
let hash;
let seq = 0;
async function insertMembers(app, enterpriseIds, n) {
  hash ??= await hashPassword(PASSWORD);
  const at = app.clock.iso();
  const out = [];
  for (let i = 0; i < n; i++) {
    seq++;
    const user = app.db.insert(users).values({ phone: nextPhone(), name: `\u4EE3\u8868${seq}`, passwordHash: hash, createdAt: at, updatedAt: at }).returning().get();
    const membershipId = insertMembership(app, enterpriseIds[i % enterpriseIds.length], { userId: user.id, name: user.name, mobile: user.phone, joinedOn: "2025-06-01" });
    out.push({ user, membershipId });
  }
  return out;
}
async function governanceWorld(app, members = 33) {
  const buildingId = insertBuilding(app);
  const otherBuildingId = insertBuilding(app, "\u76D8\u9F99\u91D1\u878D\u4E2D\u5FC3", 40);
  const enterpriseIds = [await insertEnterprise(app, buildingId), await insertEnterprise(app, buildingId), await insertEnterprise(app, buildingId)];
  const otherEnterpriseId = await insertEnterprise(app, otherBuildingId);
  const people = await insertMembers(app, enterpriseIds, members);
  const [outsider] = await insertMembers(app, [otherEnterpriseId], 1);
  return {
    buildingId,
    otherBuildingId,
    enterpriseIds,
    members: people,
    outsider,
    staff: await createUser(app, { role: "staff", buildingIds: [buildingId], name: "\u697C\u5B87\u5DE5\u4F5C\u4EBA\u5458" }),
    otherStaff: await createUser(app, { role: "staff", buildingIds: [otherBuildingId], name: "\u522B\u697C\u5DE5\u4F5C\u4EBA\u5458" }),
    admin: await createUser(app, { role: "admin", name: "\u7BA1\u7406\u5458" })
  };
}
async function ok(app, user, method, url, payload) {
  const res = await injectAs(app, user, { method, url, ...payload === void 0 ? {} : { payload } });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? {} : res.json();
}
async function seatedCongress(app, w, seats = 30, operators = 6) {
  const { id } = await ok(app, w.staff, "POST", "/api/v1/congresses", { buildingId: w.buildingId, term: 3, startsOn: "2026-01-01" });
  const reps = [];
  for (let i = 0; i < seats; i++) {
    const r = await ok(app, w.staff, "POST", `/api/v1/congresses/${id}/representatives`, { membershipId: w.members[i].membershipId, category: i < operators ? "operator" : i % 2 === 0 ? "frontline" : "staff" });
    reps.push(r.id);
  }
  return { congressId: id, reps };
}
export {
  governanceWorld,
  insertMembers,
  ok,
  seatedCongress
};
//# sourceMappingURL=fixtures.js.map
