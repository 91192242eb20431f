import { createUser, insertBuilding, injectAs } from "../../helper.js";
import { insertEnterprise, uniqueResidentId } from "../../factories.js";
async function world(app) {
  const buildingA = insertBuilding(app, "\u4E94\u534E\u79D1\u521B\u5927\u53A6");
  const buildingB = insertBuilding(app, "\u76D8\u9F99\u5546\u52A1\u4E2D\u5FC3");
  const liaisonA = await createUser(app, { name: "\u8054\u7EDC\u5458\u7532" });
  const liaisonB = await createUser(app, { name: "\u8054\u7EDC\u5458\u4E59" });
  const liaisonPending = await createUser(app, { name: "\u8054\u7EDC\u5458\u4E19" });
  const staffA = await createUser(app, { role: "staff", buildingIds: [buildingA], name: "\u5DE5\u4F5C\u4EBA\u5458\u7532" });
  const staffB = await createUser(app, { role: "staff", buildingIds: [buildingB], name: "\u5DE5\u4F5C\u4EBA\u5458\u4E59" });
  const admin = await createUser(app, { role: "admin", name: "\u7BA1\u7406\u5458" });
  const entA = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonA.id, name: "\u4E91\u5CAD\u8F6F\u4EF6\u6709\u9650\u516C\u53F8", headcount: 20 });
  const entA2 = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonA.id, name: "\u6EC7\u6C60\u8BBE\u8BA1\u6709\u9650\u516C\u53F8", headcount: 20 });
  const entB = await insertEnterprise(app, buildingB, { liaisonUserId: liaisonB.id, name: "\u76D8\u9F99\u7269\u6D41\u6709\u9650\u516C\u53F8", headcount: 20 });
  const entPending = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonPending.id, status: "pending", name: "\u5F85\u5BA1\u4F01\u4E1A", headcount: 20 });
  const entWithdrawn = await insertEnterprise(app, buildingA, { liaisonUserId: liaisonPending.id, status: "withdrawn", name: "\u5DF2\u9000\u51FA\u4F01\u4E1A", headcount: 20 });
  return { buildingA, buildingB, liaisonA, liaisonB, liaisonPending, staffA, staffB, admin, entA, entA2, entB, entPending, entWithdrawn };
}
async function applyAs(app, user, body) {
  return await injectAs(app, user, { method: "POST", url: "/api/v1/memberships", payload: body });
}
async function member(app, enterpriseId, approver, name = "\u5F20\u4E09") {
  const user = await createUser(app, { name });
  const idNumber = uniqueResidentId();
  const res = await applyAs(app, user, { enterpriseId, name, idNumber });
  if (res.statusCode !== 201) throw new Error("apply failed: " + res.body);
  const id = res.json().id;
  if (approver === void 0) return { user, id, idNumber };
  const ok = await injectAs(app, approver, { method: "POST", url: `/api/v1/memberships/${id}/approve` });
  if (ok.statusCode !== 200) throw new Error("approve failed: " + ok.body);
  return { user, id, idNumber, memberNo: ok.json().memberNo };
}
export {
  applyAs,
  member,
  world
};
//# sourceMappingURL=fixtures.js.map
