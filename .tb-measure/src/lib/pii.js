import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
const VERSION = "v1";
function createPii(piiKey) {
  const derive = (info) => Buffer.from(hkdfSync("sha256", piiKey, "building-union-portal", info, 32));
  const encKey = derive("aes-256-gcm:v1");
  const macKey = derive("hmac-sha256:v1");
  const seal = (plain) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", encKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  };
  const open = (sealed) => {
    const decipher = createDecipheriv("aes-256-gcm", encKey, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
  };
  return {
    encrypt: (plain) => `${VERSION}:${seal(Buffer.from(plain, "utf8")).toString("base64")}`,
    decrypt: (token) => {
      const [version, data] = token.split(":");
      if (version !== VERSION || data === void 0) throw new Error("unknown PII ciphertext version");
      return open(Buffer.from(data, "base64")).toString("utf8");
    },
    encryptBuffer: seal,
    decryptBuffer: open,
    hash: (value) => createHmac("sha256", macKey).update(value).digest("hex")
  };
}
export {
  createPii
};
//# sourceMappingURL=pii.js.map
