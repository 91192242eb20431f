import t from "tap";
import { Writable } from "node:stream";
import Fastify from "fastify";
import { eq } from "drizzle-orm";
import { app as application, serverOptions } from "../../src/app.js";
import { build, PageSession, testClock, testConfig } from "../helper.js";
import { auditLog } from "../../src/db/schema/index.js";
import { member, world } from "../features/memberships/fixtures.js";
t.test("the request log never holds a query string (an ID number typed into a search)", async (t2) => {
  const lines = [];
  const stream = new Writable({ write(chunk, _enc, done) {
    lines.push(String(chunk));
    done();
  } });
  const config = testConfig({ logLevel: "info" });
  const options = serverOptions(config);
  const app = Fastify({ ...options, logger: { ...options.logger, stream } });
  await app.register(application, { config, clock: testClock() });
  await app.ready();
  t2.teardown(async () => {
    await app.close();
  });
  const idNumber = "11010519491231002X";
  await app.inject({ method: "GET", url: `/memberships?q=${idNumber}&status=active` });
  await app.inject({ method: "GET", url: `/api/v1/memberships?q=${idNumber}` });
  await app.inject({ method: "GET", url: `/memberships/export.csv?q=${idNumber}` });
  const log = lines.join("");
  t2.match(log, /"url":"\/memberships"/, "the path is logged");
  t2.notMatch(log, /11010519491231002X/i, "the ID number is not");
  t2.notMatch(log, /"url":"[^"]*\?/, "no query string at all");
});
t.test("the roster page searches by ID through a POST: the URL carries a keyed hash, never the number", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA, w.liaisonA, "\u738B\u5C0F\u660E");
  const s = new PageSession(app);
  await s.login(w.staffA.phone);
  const page = await s.get("/memberships");
  t2.match(page.body, /<form method="post" action="\/memberships\/search"/);
  const res = await s.post("/memberships/search", { q: m.idNumber, status: "active" });
  t2.equal(res.statusCode, 303);
  const location = String(res.headers.location);
  t2.notMatch(location, m.idNumber);
  t2.match(location, /^\/memberships\?idh=[0-9a-f]{64}&status=active$/);
  const found = await s.get(location);
  t2.match(found.body, /王小明/);
  const byName = await s.post("/memberships/search", { q: "\u738B\u5C0F\u660E" });
  t2.match(String(byName.headers.location), /q=%E7%8E%8B/, "other searches are kept as they are");
  const csv = await s.get(found.body.match(/href="(\/memberships\/export\.csv[^"]*)"/)[1].replace(/&amp;/g, "&"));
  t2.equal(csv.statusCode, 200);
  t2.match(csv.body, /王小明/);
});
t.test("an export searched by ID records a masked value in the audit log", async (t2) => {
  const app = await build(t2);
  const w = await world(app);
  const m = await member(app, w.entA, w.liaisonA, "\u738B\u5C0F\u660E");
  const s = new PageSession(app);
  await s.login(w.staffA.phone);
  await s.get(`/memberships/export.csv?q=${m.idNumber}`);
  const hash = app.pii.hash(m.idNumber);
  await s.get(`/memberships/export.csv?idh=${hash}`);
  const entries = app.db.select().from(auditLog).where(eq(auditLog.action, "membership.export")).all();
  t2.equal(entries.length, 2);
  for (const e of entries) {
    t2.notMatch(e.after ?? "", m.idNumber);
    t2.notMatch(e.after ?? "", hash);
    t2.match(JSON.parse(e.after).q, /^\d{6}\*{8}\d{3}[\dX]$/, "masked like the rest of the portal");
  }
});
//# sourceMappingURL=roster-id-search.test.js.map
