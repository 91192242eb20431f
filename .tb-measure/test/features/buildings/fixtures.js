import { createUser, injectAs, insertBuilding } from "../../helper.js";
import { uniqueUscc } from "../../factories.js";
async function cast(app) {
  const buildingId = insertBuilding(app, "\u4E94\u534E\u79D1\u521B\u5927\u53A6", 96);
  const otherBuildingId = insertBuilding(app, "\u76D8\u9F99\u91D1\u878D\u4E2D\u5FC3", 40);
  return {
    buildingId,
    otherBuildingId,
    admin: await createUser(app, { role: "admin", name: "\u7BA1\u7406\u5458" }),
    staff: await createUser(app, { role: "staff", buildingIds: [buildingId], name: "\u697C\u5B87\u5DE5\u4F5C\u4EBA\u5458" }),
    otherStaff: await createUser(app, { role: "staff", buildingIds: [otherBuildingId], name: "\u522B\u697C\u5DE5\u4F5C\u4EBA\u5458" }),
    liaison: await createUser(app, { name: "\u8054\u7EDC\u5458" }),
    stranger: await createUser(app, { name: "\u8DEF\u4EBA" })
  };
}
async function enrol(app, liaison, buildingId, extra = {}) {
  const res = await injectAs(app, liaison, { method: "POST", url: "/api/v1/enterprises", payload: { buildingId, name: "\u4E91\u5CAD\u79D1\u6280\u6709\u9650\u516C\u53F8", uscc: uniqueUscc(), headcount: 25, ...extra } });
  if (res.statusCode !== 201) throw new Error("enrol failed: " + res.body);
  return res.json().id;
}
export {
  cast,
  enrol
};
//# sourceMappingURL=fixtures.js.map
