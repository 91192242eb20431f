import { createUser, insertBuilding, injectAs } from "../../helper.js";
import { insertEnterprise, insertMembership } from "../../factories.js";
async function world(app) {
  const buildingId = insertBuilding(app, "\u4E94\u534E\u79D1\u521B\u5927\u53A6");
  const otherBuildingId = insertBuilding(app, "\u76D8\u9F99\u5927\u53A6");
  const liaison = await createUser(app, { name: "\u8054\u7EDC\u5458" });
  const enterpriseId = await insertEnterprise(app, buildingId, { liaisonUserId: liaison.id, headcount: 20 });
  const member = await createUser(app, { name: "\u738B\u82B3" });
  const membershipId = insertMembership(app, enterpriseId, { userId: member.id, name: "\u738B\u82B3" });
  const otherMember = await createUser(app, { name: "\u674E\u5F3A" });
  const otherMembershipId = insertMembership(app, enterpriseId, { userId: otherMember.id, name: "\u674E\u5F3A" });
  const staff = await createUser(app, { role: "staff", buildingIds: [buildingId], name: "\u697C\u5B87\u5DE5\u4F5C\u4EBA\u5458" });
  const otherStaff = await createUser(app, { role: "staff", buildingIds: [otherBuildingId], name: "\u522B\u697C\u5DE5\u4F5C\u4EBA\u5458" });
  const admin = await createUser(app, { role: "admin", name: "\u7BA1\u7406\u5458" });
  const nonMember = await createUser(app, { name: "\u8DEF\u4EBA" });
  return {
    buildingId,
    otherBuildingId,
    enterpriseId,
    liaison,
    member,
    membershipId,
    otherMember,
    otherMembershipId,
    staff,
    otherStaff,
    admin,
    nonMember
  };
}
let keySeq = 0;
const newKey = () => `key-${process.pid}-${++keySeq}`;
async function order(app, user, body = { shares: 1 }, key = newKey()) {
  return await injectAs(app, user, { method: "POST", url: "/api/v1/aid/purchases", headers: { "idempotency-key": key }, payload: body });
}
async function confirm(app, user, id, body) {
  return await injectAs(app, user, { method: "POST", url: `/api/v1/aid/purchases/${id}/confirm-payment`, payload: body });
}
export {
  confirm,
  newKey,
  order,
  world
};
//# sourceMappingURL=fixtures.js.map
