import { randomBytes, scrypt as scryptCb, timingSafeEqual } from "node:crypto";
const N = 16384;
const TEST_N = 1024;
let cost = N;
function useTestPasswordCost() {
  cost = TEST_N;
}
const R = 8;
const P = 1;
const KEYLEN = 32;
function scrypt(password, salt, keylen, opts) {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, opts, (err, key) => {
      if (err !== null) reject(err);
      else resolve(key);
    });
  });
}
async function hashPassword(password) {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N: cost, r: R, p: P });
  return `scrypt$${cost}$${R}$${P}$${salt.toString("base64")}$${key.toString("base64")}`;
}
async function verifyPassword(password, stored) {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, salt, hash] = parts;
  const expected = Buffer.from(hash, "base64");
  const key = await scrypt(password, Buffer.from(salt, "base64"), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(key, expected);
}
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";
export {
  DUMMY_HASH,
  hashPassword,
  useTestPasswordCost,
  verifyPassword
};
//# sourceMappingURL=password.js.map
