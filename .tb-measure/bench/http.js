import { createHmac } from "node:crypto";
import { createServer } from "node:net";
async function freePort() {
  return await new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const addr = srv.address();
      if (addr === null || typeof addr === "string") {
        reject(new Error("no address"));
        return;
      }
      srv.close(() => {
        resolve(addr.port);
      });
    });
  });
}
const b64url = (v) => Buffer.from(v).toString("base64url");
function mintToken(userId, tokenVersion, secret, ttlSeconds = 12 * 3600, session) {
  const now = Math.floor(Date.now() / 1e3);
  const head = b64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const kind = session === void 0 ? { k: "a" } : { k: "p", sid: session };
  const body = b64url(JSON.stringify({ sub: String(userId), tv: tokenVersion, ...kind, iat: now, exp: now + ttlSeconds }));
  const sig = createHmac("sha256", secret).update(`${head}.${body}`).digest("base64url");
  return `${head}.${body}.${sig}`;
}
export {
  freePort,
  mintToken
};
//# sourceMappingURL=http.js.map
