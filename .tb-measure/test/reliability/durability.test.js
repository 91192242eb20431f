import t from "tap";
import { Writable } from "node:stream";
import Fastify from "fastify";
import { build } from "../helper.js";
import { withLazyCommits } from "../../src/db/index.js";
import { noteRefusal, OneLinePerRequest } from "../../src/plugins/request-log.js";
t.test("the connection that writes money runs with synchronous = FULL", async (t2) => {
  const app = await build(t2);
  t2.equal(app.db.$client.pragma("synchronous", { simple: true }), 2, "FULL (2), not NORMAL (1)");
  t2.equal(app.db.$client.pragma("journal_mode", { simple: true }), "wal");
});
t.test("bulk chunks may commit lazily, and the connection is FULL again straight after, even when they fail", async (t2) => {
  const app = await build(t2);
  const sync = () => app.db.$client.pragma("synchronous", { simple: true });
  t2.equal(withLazyCommits(app.db, () => sync()), 1, "NORMAL inside");
  t2.equal(sync(), 2);
  t2.throws(() => withLazyCommits(app.db, () => {
    throw new Error("chunk failed");
  }));
  t2.equal(sync(), 2, "FULL after a failure too");
});
t.test("one log line per request, without the query string; a refusal carries its code", async (t2) => {
  const lines = [];
  const stream = new Writable({ write(chunk, _enc, done) {
    lines.push(JSON.parse(chunk.toString()));
    done();
  } });
  const app = Fastify({ logger: { level: "info", stream }, logController: new OneLinePerRequest() });
  app.get("/a", async () => ({ ok: true }));
  app.get("/b", async (req, reply) => {
    noteRefusal(req, "FORBIDDEN");
    return await reply.code(403).send({});
  });
  t2.teardown(async () => {
    await app.close();
  });
  await app.inject({ url: "/a?q=110105194912310021" });
  await app.inject({ url: "/b" });
  const requests = lines.filter((l) => l.msg === "request");
  t2.equal(lines.length, 2, "two requests, two lines");
  t2.match(requests[0], { method: "GET", url: "/a", statusCode: 200 });
  t2.notMatch(JSON.stringify(requests[0]), "110105", "no query string");
  t2.match(requests[1], { url: "/b", statusCode: 403, code: "FORBIDDEN" });
});
//# sourceMappingURL=durability.test.js.map
