import http from "node:http";
import { chmodSync, unlinkSync } from "node:fs";
const CLIENT_ADDRESS_HEADER = "x-portal-client-address";
const READS = /* @__PURE__ */ new Set(["GET", "HEAD"]);
const HOP = ["connection", "keep-alive", "proxy-connection", "upgrade", "te", "trailer"];
const RETRY_AFTER_SECONDS = 2;
function forwardWrites(server, socketPath, onError) {
  const handlers = takeHandlers(server);
  const agent = new http.Agent({ keepAlive: true, timeout: 3e4 });
  server.on("request", (req, res) => {
    if (READS.has(req.method ?? "")) {
      for (const h of handlers) h.call(server, req, res);
      return;
    }
    const headers = { ...req.headers, [CLIENT_ADDRESS_HEADER]: req.socket.remoteAddress ?? "" };
    for (const h of HOP) Reflect.deleteProperty(headers, h);
    const up = http.request({ socketPath, method: req.method, path: req.url, headers, agent });
    up.on("response", (answer) => {
      const back = { ...answer.headers };
      for (const h of HOP) Reflect.deleteProperty(back, h);
      res.writeHead(answer.statusCode ?? 502, back);
      answer.pipe(res);
    });
    up.on("error", (err) => {
      if (res.destroyed) return;
      const down = err.code === "ECONNREFUSED" || err.code === "ENOENT";
      if (!down) onError(err);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      unavailable(req, res, down ? 503 : 502);
    });
    res.on("close", () => {
      if (!res.writableFinished) up.destroy();
    });
    req.pipe(up);
  });
  return () => {
    agent.destroy();
  };
}
async function listenForForwardedWrites(server, socketPath) {
  const handlers = server.listeners("request");
  const inner = http.createServer((req, res) => {
    const address = req.headers[CLIENT_ADDRESS_HEADER];
    Reflect.deleteProperty(req.headers, CLIENT_ADDRESS_HEADER);
    Object.defineProperty(req.socket, "remoteAddress", { value: typeof address === "string" && address !== "" ? address : void 0, configurable: true });
    for (const h of handlers) h.call(server, req, res);
  });
  inner.keepAliveTimeout = 65e3;
  try {
    unlinkSync(socketPath);
  } catch (err) {
    if (err.code !== "ENOENT") throw err;
  }
  await new Promise((resolve, reject) => {
    inner.once("error", reject);
    inner.listen({ path: socketPath, exclusive: true }, () => {
      inner.off("error", reject);
      resolve();
    });
  });
  chmodSync(socketPath, 384);
  return inner;
}
async function closeServer(server) {
  await new Promise((resolve) => {
    server.close(() => {
      resolve();
    });
    server.closeIdleConnections();
  });
}
function takeHandlers(server) {
  const handlers = server.listeners("request");
  server.removeAllListeners("request");
  return handlers;
}
function unavailable(req, res, status) {
  const en = /^en\b/i.test(req.headers["accept-language"] ?? "");
  const message = status === 503 ? en ? "The service is restarting. Please try again in a moment." : "\u670D\u52A1\u6B63\u5728\u91CD\u542F\uFF0C\u8BF7\u7A0D\u540E\u91CD\u8BD5\u3002" : en ? "The connection was lost while saving. Check whether your change was saved before trying again." : "\u4FDD\u5B58\u65F6\u8FDE\u63A5\u4E2D\u65AD\u3002\u8BF7\u5148\u67E5\u770B\u662F\u5426\u5DF2\u4FDD\u5B58\uFF0C\u518D\u91CD\u8BD5\u3002";
  const headers = { "cache-control": "no-store" };
  if (status === 503) headers["retry-after"] = String(RETRY_AFTER_SECONDS);
  if ((req.url ?? "").startsWith("/api/")) {
    const code = status === 503 ? "SERVICE_UNAVAILABLE" : "WRITE_OUTCOME_UNKNOWN";
    res.writeHead(status, { ...headers, "content-type": "application/json; charset=utf-8" });
    res.end(JSON.stringify({ error: { code, message } }));
    return;
  }
  res.writeHead(status, { ...headers, "content-type": "text/html; charset=utf-8" });
  res.end(`<!doctype html><html lang="${en ? "en" : "zh-CN"}"><meta charset="utf-8"><title>${status}</title><p>${message}</p></html>`);
}
export {
  CLIENT_ADDRESS_HEADER,
  RETRY_AFTER_SECONDS,
  closeServer,
  forwardWrites,
  listenForForwardedWrites
};
//# sourceMappingURL=forward.js.map
