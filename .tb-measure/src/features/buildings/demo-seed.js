import { DEMO_PASSWORD } from "../../cli/seed-demo.js";
import { usccCheckChar } from "../../domain/identity.js";
import { hashPassword } from "../../lib/password.js";
import { buildings, enterprises, roleGrants, staffScopes, users } from "../../db/schema/index.js";
import { writeAudit } from "../audit/audit-repository.js";
import { prng } from "../../lib/prng.js";
import { eq } from "drizzle-orm";
const USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const DISTRICTS = [
  ["\u4E94\u534E\u533A", "530102"],
  ["\u76D8\u9F99\u533A", "530103"],
  ["\u5B98\u6E21\u533A", "530111"],
  ["\u897F\u5C71\u533A", "530112"],
  ["\u5448\u8D21\u533A", "530114"],
  ["\u664B\u5B81\u533A", "530115"]
];
const OTHER_BUILDINGS = [
  "\u76D8\u9F99\u91D1\u878D\u4E2D\u5FC3",
  "\u5B98\u6E21\u5546\u52A1\u4E2D\u5FC3",
  "\u897F\u5C71\u4E07\u8FBE\u5E7F\u573A\u5199\u5B57\u697C",
  "\u5448\u8D21\u5927\u5B66\u57CE\u521B\u4E1A\u56ED",
  "\u7FE0\u6E56\u5546\u52A1\u697C",
  "\u6EC7\u6C60\u56FD\u9645\u4F1A\u5C55\u4E2D\u5FC3",
  "\u6606\u660E\u56FD\u9645\u8D38\u6613\u4E2D\u5FC3",
  "\u91D1\u9A6C\u78A7\u9E21\u5546\u52A1\u5927\u53A6",
  "\u87BA\u86F3\u6E7E\u56FD\u9645\u5546\u8D38\u57CE",
  "\u5357\u4E9A\u98CE\u60C5\u7B2C\u4E00\u57CE\u5199\u5B57\u697C",
  "\u6625\u57CE\u65F6\u4EE3\u5E7F\u573A",
  "\u4E91\u7EBA\u5546\u52A1\u4E2D\u5FC3",
  "\u4E16\u7EAA\u91D1\u6E90\u5927\u53A6",
  "\u6606\u660E\u6052\u9686\u5E7F\u573A\u5199\u5B57\u697C",
  "\u9AD8\u65B0\u533A\u521B\u65B0\u5927\u53A6",
  "\u7ECF\u5F00\u533A\u4FE1\u606F\u4EA7\u4E1A\u56ED",
  "\u5317\u8FB0\u8D22\u5BCC\u4E2D\u5FC3",
  "\u987A\u57CE\u5546\u52A1\u697C",
  "\u540C\u5FB7\u5E7F\u573A\u5199\u5B57\u697C",
  "\u4E1C\u98CE\u5E7F\u573A\u5546\u52A1\u697C",
  "\u65B0\u4E9A\u6D32\u4F53\u80B2\u57CE\u5199\u5B57\u697C",
  "\u5DEB\u5BB6\u575D\u5546\u52A1\u4E2D\u5FC3",
  "\u6EC7\u6C60\u8DEF\u91D1\u878D\u8857",
  "\u6606\u660E\u8F6F\u4EF6\u56ED",
  "\u6D77\u57C2\u5546\u52A1\u56ED",
  "\u5E7F\u798F\u8DEF\u5546\u52A1\u4E2D\u5FC3",
  "\u767D\u9F99\u8DEF\u79D1\u521B\u697C",
  "\u4EBA\u6C11\u897F\u8DEF\u5546\u53A6",
  "\u91D1\u78A7\u5E7F\u573A\u5199\u5B57\u697C",
  "\u798F\u5FB7\u5546\u52A1\u4E2D\u5FC3",
  "\u6606\u660E\u57CE\u5E02\u4E4B\u5149",
  "\u664B\u5B81\u5DE5\u4E1A\u56ED\u7EFC\u5408\u697C",
  "\u5448\u8D21\u4FE1\u606F\u4EA7\u4E1A\u56ED",
  "\u738B\u5BB6\u6865\u5546\u52A1\u697C",
  "\u5317\u4EAC\u8DEF\u5546\u52A1\u5927\u53A6",
  "\u9752\u5E74\u8DEF\u5199\u5B57\u697C",
  "\u897F\u575D\u5546\u52A1\u4E2D\u5FC3",
  "\u5173\u4E0A\u4E2D\u5FC3\u533A\u5199\u5B57\u697C",
  "\u5C0F\u897F\u95E8\u5546\u52A1\u697C"
];
const DISTRICT_OF = {
  \u76D8\u9F99\u91D1\u878D\u4E2D\u5FC3: "\u76D8\u9F99\u533A",
  \u5B98\u6E21\u5546\u52A1\u4E2D\u5FC3: "\u5B98\u6E21\u533A",
  \u897F\u5C71\u4E07\u8FBE\u5E7F\u573A\u5199\u5B57\u697C: "\u897F\u5C71\u533A",
  \u5448\u8D21\u5927\u5B66\u57CE\u521B\u4E1A\u56ED: "\u5448\u8D21\u533A",
  \u7FE0\u6E56\u5546\u52A1\u697C: "\u4E94\u534E\u533A",
  \u6EC7\u6C60\u56FD\u9645\u4F1A\u5C55\u4E2D\u5FC3: "\u5B98\u6E21\u533A",
  \u6606\u660E\u56FD\u9645\u8D38\u6613\u4E2D\u5FC3: "\u5B98\u6E21\u533A",
  \u91D1\u9A6C\u78A7\u9E21\u5546\u52A1\u5927\u53A6: "\u4E94\u534E\u533A",
  \u87BA\u86F3\u6E7E\u56FD\u9645\u5546\u8D38\u57CE: "\u5B98\u6E21\u533A",
  \u5357\u4E9A\u98CE\u60C5\u7B2C\u4E00\u57CE\u5199\u5B57\u697C: "\u897F\u5C71\u533A",
  \u6625\u57CE\u65F6\u4EE3\u5E7F\u573A: "\u5B98\u6E21\u533A",
  \u4E91\u7EBA\u5546\u52A1\u4E2D\u5FC3: "\u897F\u5C71\u533A",
  \u4E16\u7EAA\u91D1\u6E90\u5927\u53A6: "\u5B98\u6E21\u533A",
  \u6606\u660E\u6052\u9686\u5E7F\u573A\u5199\u5B57\u697C: "\u4E94\u534E\u533A",
  \u9AD8\u65B0\u533A\u521B\u65B0\u5927\u53A6: "\u4E94\u534E\u533A",
  \u7ECF\u5F00\u533A\u4FE1\u606F\u4EA7\u4E1A\u56ED: "\u5B98\u6E21\u533A",
  \u5317\u8FB0\u8D22\u5BCC\u4E2D\u5FC3: "\u76D8\u9F99\u533A",
  \u987A\u57CE\u5546\u52A1\u697C: "\u4E94\u534E\u533A",
  \u540C\u5FB7\u5E7F\u573A\u5199\u5B57\u697C: "\u76D8\u9F99\u533A",
  \u4E1C\u98CE\u5E7F\u573A\u5546\u52A1\u697C: "\u76D8\u9F99\u533A",
  \u65B0\u4E9A\u6D32\u4F53\u80B2\u57CE\u5199\u5B57\u697C: "\u5B98\u6E21\u533A",
  \u5DEB\u5BB6\u575D\u5546\u52A1\u4E2D\u5FC3: "\u5B98\u6E21\u533A",
  \u6EC7\u6C60\u8DEF\u91D1\u878D\u8857: "\u897F\u5C71\u533A",
  \u6606\u660E\u8F6F\u4EF6\u56ED: "\u4E94\u534E\u533A",
  \u6D77\u57C2\u5546\u52A1\u56ED: "\u897F\u5C71\u533A",
  \u5E7F\u798F\u8DEF\u5546\u52A1\u4E2D\u5FC3: "\u897F\u5C71\u533A",
  \u767D\u9F99\u8DEF\u79D1\u521B\u697C: "\u76D8\u9F99\u533A",
  \u4EBA\u6C11\u897F\u8DEF\u5546\u53A6: "\u897F\u5C71\u533A",
  \u91D1\u78A7\u5E7F\u573A\u5199\u5B57\u697C: "\u897F\u5C71\u533A",
  \u798F\u5FB7\u5546\u52A1\u4E2D\u5FC3: "\u897F\u5C71\u533A",
  \u6606\u660E\u57CE\u5E02\u4E4B\u5149: "\u76D8\u9F99\u533A",
  \u664B\u5B81\u5DE5\u4E1A\u56ED\u7EFC\u5408\u697C: "\u664B\u5B81\u533A",
  \u5448\u8D21\u4FE1\u606F\u4EA7\u4E1A\u56ED: "\u5448\u8D21\u533A",
  \u738B\u5BB6\u6865\u5546\u52A1\u697C: "\u897F\u5C71\u533A",
  \u5317\u4EAC\u8DEF\u5546\u52A1\u5927\u53A6: "\u76D8\u9F99\u533A",
  \u9752\u5E74\u8DEF\u5199\u5B57\u697C: "\u4E94\u534E\u533A",
  \u897F\u575D\u5546\u52A1\u4E2D\u5FC3: "\u897F\u5C71\u533A",
  \u5173\u4E0A\u4E2D\u5FC3\u533A\u5199\u5B57\u697C: "\u5B98\u6E21\u533A",
  \u5C0F\u897F\u95E8\u5546\u52A1\u697C: "\u4E94\u534E\u533A"
};
const SURNAMES = ["\u674E", "\u738B", "\u5F20", "\u5218", "\u9648", "\u6768", "\u8D75", "\u9EC4", "\u5468", "\u5434", "\u5F90", "\u5B59", "\u9A6C", "\u6731", "\u80E1", "\u90ED", "\u4F55", "\u6797", "\u7F57", "\u9AD8"];
const GIVEN = ["\u5A1C", "\u78CA", "\u654F", "\u9759", "\u5F3A", "\u4E3D", "\u519B", "\u82B3", "\u6770", "\u8273", "\u6D9B", "\u71D5", "\u52C7", "\u971E", "\u658C", "\u5A77", "\u9E4F", "\u7433", "\u8D85", "\u7EA2"];
const PREFIXES = ["\u4E91\u5CAD", "\u6EC7\u6C60", "\u6625\u57CE", "\u7FE0\u6E56", "\u91D1\u9A6C", "\u78A7\u9E21", "\u76D8\u9F99", "\u4E94\u534E", "\u5F69\u4E91", "\u9AD8\u539F", "\u4E03\u5F69", "\u7EA2\u571F", "\u8336\u9A6C", "\u666E\u6D31", "\u4E1C\u5DDD", "\u77F3\u6797", "\u629A\u4ED9", "\u6D31\u6D77", "\u5927\u89C2", "\u5706\u901A"];
const TRADES = ["\u79D1\u6280", "\u4FE1\u606F\u6280\u672F", "\u8F6F\u4EF6", "\u4F01\u4E1A\u7BA1\u7406\u54A8\u8BE2", "\u6587\u5316\u4F20\u5A92", "\u8BBE\u8BA1", "\u5546\u8D38", "\u7535\u5B50\u5546\u52A1", "\u4EBA\u529B\u8D44\u6E90", "\u6559\u80B2\u79D1\u6280", "\u7F51\u7EDC\u79D1\u6280", "\u6570\u636E\u670D\u52A1", "\u5EFA\u7B51\u8BBE\u8BA1", "\u8D22\u52A1\u54A8\u8BE2", "\u5E7F\u544A", "\u7269\u4E1A\u670D\u52A1"];
async function seedBuildings(ctx) {
  const rand = prng(20230710);
  const pick = (a) => a[Math.floor(rand() * a.length)];
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = ctx.clock.now();
  const daysAgo = (d) => new Date(now.getTime() - d * 864e5).toISOString();
  const usedCodes = /* @__PURE__ */ new Set();
  const newUscc = (area) => {
    for (; ; ) {
      let body = "";
      for (let i = 0; i < 9; i++) body += USCC_CHARS[Math.floor(rand() * USCC_CHARS.length)];
      const first17 = "91" + area + body;
      const code = first17 + usccCheckChar(first17);
      if (!usedCodes.has(code)) {
        usedCodes.add(code);
        return code;
      }
    }
  };
  let nameSeq = 0;
  const usedNames = /* @__PURE__ */ new Set();
  const newCompanyName = () => {
    for (; ; ) {
      nameSeq++;
      const base = `\u6606\u660E${pick(PREFIXES)}${pick(TRADES)}\u6709\u9650\u516C\u53F8`;
      const name = usedNames.has(base) ? base.replace("\u6709\u9650\u516C\u53F8", `${nameSeq}\u53F7\u6709\u9650\u516C\u53F8`) : base;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };
  ctx.db.transaction((tx) => {
    let phoneSeq = 0;
    const addUser = (name, phone) => {
      phoneSeq++;
      const p = phone ?? "1390001" + String(phoneSeq).padStart(4, "0");
      return tx.insert(users).values({ phone: p, name, passwordHash, createdAt: daysAgo(400), updatedAt: daysAgo(400) }).returning({ id: users.id }).get().id;
    };
    const buildingIds = [];
    const areaOf = /* @__PURE__ */ new Map();
    const totalOf = /* @__PURE__ */ new Map();
    const wuhua = tx.insert(buildings).values({
      name: "\u4E94\u534E\u79D1\u521B\u5927\u53A6",
      district: "\u4E94\u534E\u533A",
      address: "\u6606\u660E\u5E02\u4E94\u534E\u533A\u5B66\u5E9C\u8DEF 690 \u53F7",
      federationName: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A",
      foundedOn: "2021-06-18",
      enterprisesTotal: 96,
      isModel: true,
      hasWorkerCongress: true,
      hasAffairsDisclosure: true,
      createdAt: daysAgo(900),
      updatedAt: daysAgo(900)
    }).returning({ id: buildings.id }).get().id;
    buildingIds.push(wuhua);
    areaOf.set(wuhua, "530102");
    OTHER_BUILDINGS.forEach((name, i) => {
      const n = i + 1;
      const [district, area] = DISTRICTS.find(([d]) => d === DISTRICT_OF[name]) ?? DISTRICTS[0];
      const enterprisesTotal = 20 + Math.floor(rand() * 70);
      const id = tx.insert(buildings).values({
        name,
        district,
        address: `\u6606\u660E\u5E02${district}${name}`,
        federationName: `${name}\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A`,
        foundedOn: `20${19 + i % 5}-${String(1 + i % 12).padStart(2, "0")}-15`,
        enterprisesTotal,
        // The article's city: 13 model buildings, 24 with both a worker congress and affairs disclosure.
        isModel: n < 13,
        hasWorkerCongress: n < 24,
        hasAffairsDisclosure: n < 24,
        createdAt: daysAgo(800),
        updatedAt: daysAgo(800)
      }).returning({ id: buildings.id }).get().id;
      buildingIds.push(id);
      areaOf.set(id, area);
      totalOf.set(id, enterprisesTotal);
    });
    const adminId = addUser("\u5E02\u603B\u5DE5\u4F1A\u7BA1\u7406\u5458", "13900000001");
    tx.insert(roleGrants).values({ userId: adminId, role: "admin", grantedAt: daysAgo(400) }).run();
    ctx.accounts.push({ role: "admin", phone: "13900000001", password: DEMO_PASSWORD, note: "\u5E02\u603B\u5DE5\u4F1A\uFF1A\u7BA1\u7406\u697C\u5B87\u3001\u67E5\u770B\u5168\u5E02\u6982\u89C8\uFF08/admin/overview\uFF09" });
    const staffUserIds = [];
    const staffOf = /* @__PURE__ */ new Map();
    const addStaff = (name, phone, scope) => {
      const id = addUser(name, phone);
      tx.insert(roleGrants).values({ userId: id, role: "staff", grantedAt: daysAgo(400), grantedBy: adminId }).run();
      for (const b of scope) {
        tx.insert(staffScopes).values({ userId: id, buildingId: b, grantedAt: daysAgo(400), grantedBy: adminId }).run();
        if (!staffOf.has(b)) staffOf.set(b, id);
      }
      staffUserIds.push(id);
      return id;
    };
    const wuhuaStaff = addStaff("\u4E94\u534E\u79D1\u521B\u5927\u53A6\u5DE5\u4F1A \u5F20\u654F", "13900000002", [wuhua]);
    ctx.accounts.push({ role: "staff", phone: "13900000002", password: DEMO_PASSWORD, note: "\u4E94\u534E\u79D1\u521B\u5927\u53A6\u697C\u5B87\u5DE5\u4F1A\u8054\u5408\u4F1A\uFF1A\u5BA1\u6838\u4F01\u4E1A\u5165\u9A7B\u3001\u5BFC\u51FA\u540D\u5355" });
    addStaff("\u76D8\u9F99\u7247\u533A\u5DE5\u4F1A \u738B\u78CA", "13900000003", buildingIds.slice(1, 6));
    ctx.accounts.push({ role: "staff", phone: "13900000003", password: DEMO_PASSWORD, note: "\u53E6\u5916 5 \u680B\u697C\u5B87\u7684\u5DE5\u4F5C\u4EBA\u5458\uFF08\u770B\u4E0D\u5230\u4E94\u534E\u79D1\u521B\u5927\u53A6\uFF09" });
    for (let i = 6; i < buildingIds.length; i += 6) addStaff(`\u7247\u533A\u5DE5\u4F1A\u5DE5\u4F5C\u4EBA\u5458 ${i / 6}`, "1390000" + String(3e3 + i).padStart(4, "0"), buildingIds.slice(i, i + 6));
    const liaisonOfEnterprise = {};
    const liaisonNames = /* @__PURE__ */ new Map();
    const addLiaison = (person, phone) => {
      const id = addUser(person ?? "\u8054\u7EDC\u5458", phone);
      liaisonNames.set(id, person ?? `${SURNAMES[id % SURNAMES.length]}${GIVEN[id * 7 % GIVEN.length]}`);
      return id;
    };
    const enrolledByBuilding = {};
    const addEnterprise = (buildingId, status, liaisonId, i, reason) => {
      const submitted = daysAgo(status === "pending" ? 1 + i % 6 : 60 + Math.floor(rand() * 600));
      const decided = status === "pending" ? null : new Date(Date.parse(submitted) + (1 + Math.floor(rand() * 5)) * 864e5).toISOString();
      const decidedBy = status === "pending" ? null : staffOf.get(buildingId) ?? adminId;
      const floor = 2 + Math.floor(rand() * 25);
      const headcount = 3 + Math.floor(rand() * 60);
      const e = {
        buildingId,
        name: newCompanyName(),
        uscc: newUscc(areaOf.get(buildingId)),
        floorRoom: `${floor}\u5C42${floor}${String(1 + Math.floor(rand() * 20)).padStart(2, "0")}\u5BA4`,
        headcount,
        contactName: null,
        contactPhone: null,
        liaisonUserId: liaisonId,
        status,
        rejectReason: reason ?? null,
        submittedAt: submitted,
        decidedAt: decided,
        decidedBy,
        createdAt: submitted,
        updatedAt: decided ?? submitted
      };
      const id = tx.insert(enterprises).values(e).returning({ id: enterprises.id }).get().id;
      liaisonOfEnterprise[id] = liaisonId;
      const person = liaisonNames.get(liaisonId);
      if (person !== void 0) {
        tx.update(users).set({ name: `${e.name.replace(/^昆明/, "").replace(/(\d+号)?有限公司$/, "")} \u8054\u7EDC\u5458 ${person}` }).where(eq(users.id, liaisonId)).run();
        liaisonNames.delete(liaisonId);
      }
      writeAudit(tx, submitted, { actorUserId: liaisonId, action: "enterprise.enrol", entityType: "enterprise", entityId: id, after: { buildingId, name: e.name, uscc: e.uscc, headcount, status: "pending" } });
      if (status !== "pending") {
        writeAudit(tx, decided, {
          actorUserId: decidedBy,
          action: status === "enrolled" ? "enterprise.approve" : "enterprise.reject",
          entityType: "enterprise",
          entityId: id,
          before: { status: "pending" },
          after: { status, ...reason !== void 0 ? { reason } : {} },
          note: reason
        });
      }
      if (status === "enrolled") (enrolledByBuilding[buildingId] ??= []).push(id);
      return id;
    };
    const demoLiaison = addLiaison("\u674E\u5A1C", "13900000011");
    addEnterprise(wuhua, "enrolled", demoLiaison, 0);
    for (let i = 1; i < 61; i++) addEnterprise(wuhua, "enrolled", addLiaison(), i);
    const pendingLiaison = addLiaison("\u8D75\u5F3A", "13900000012");
    const pendingId = addEnterprise(wuhua, "pending", pendingLiaison, 61);
    for (let i = 62; i < 64; i++) addEnterprise(wuhua, "pending", addLiaison(), i);
    const rejectedLiaison = addLiaison("\u9648\u9759", "13900000013");
    const rejectedId = addEnterprise(wuhua, "rejected", rejectedLiaison, 64, "\u8425\u4E1A\u6267\u7167\u767B\u8BB0\u7684\u5730\u5740\u4E0D\u5728\u4E94\u534E\u79D1\u521B\u5927\u53A6\uFF0C\u8BF7\u6838\u5B9E\u697C\u5C42\u623F\u95F4\u540E\u91CD\u65B0\u63D0\u4EA4\u3002");
    ctx.accounts.push(
      { role: "liaison", phone: "13900000011", password: DEMO_PASSWORD, note: "\u5DF2\u5165\u9A7B\u4F01\u4E1A\u7684\u8054\u7EDC\u5458\uFF1A\u786E\u8BA4\u804C\u5DE5\u5165\u4F1A\u3001\u56E2\u4F53\u8BA4\u8D2D" },
      { role: "liaison", phone: "13900000012", password: DEMO_PASSWORD, note: `\u5165\u9A7B\u7533\u8BF7\u5F85\u5BA1\u6838\uFF08\u4F01\u4E1A ${pendingId}\uFF09` },
      { role: "liaison", phone: "13900000013", password: DEMO_PASSWORD, note: `\u5165\u9A7B\u7533\u8BF7\u88AB\u9000\u56DE\uFF0C\u53EF\u4FEE\u6539\u540E\u91CD\u65B0\u63D0\u4EA4\uFF08\u4F01\u4E1A ${rejectedId}\uFF09` }
    );
    for (const b of buildingIds.slice(1)) {
      const total = totalOf.get(b);
      const enrolled = Math.floor(total * (0.3 + rand() * 0.6));
      for (let i = 0; i < enrolled; i++) addEnterprise(b, "enrolled", addLiaison(), i);
      if (rand() < 0.4) addEnterprise(b, "pending", addLiaison(), 0);
    }
    ctx.facts.adminUserId = adminId;
    ctx.facts.buildingIds = buildingIds;
    ctx.facts.wuhuaBuildingId = wuhua;
    ctx.facts.staffUserIds = staffUserIds;
    ctx.facts.wuhuaStaffUserId = wuhuaStaff;
    ctx.facts.enrolledEnterpriseIds = enrolledByBuilding[wuhua];
    ctx.facts.enrolledEnterpriseIdsByBuilding = enrolledByBuilding;
    ctx.facts.liaisonUserIdByEnterprise = liaisonOfEnterprise;
    ctx.facts.demoLiaisonUserId = demoLiaison;
    ctx.facts.demoLiaisonEnterpriseId = enrolledByBuilding[wuhua][0];
    ctx.facts.pendingEnterpriseId = pendingId;
    ctx.facts.rejectedEnterpriseId = rejectedId;
  });
  ctx.log(`buildings: ${OTHER_BUILDINGS.length + 1} buildings; \u4E94\u534E\u79D1\u521B\u5927\u53A6 with 61 of 96 enterprises enrolled`);
}
export {
  seedBuildings
};
//# sourceMappingURL=demo-seed.js.map
