import { normaliseMobile } from "../../domain/identity.js";
const AUTH_ATTEMPTS_PER_MINUTE = 10;
function createAuthLimits(app) {
  const options = {
    max: AUTH_ATTEMPTS_PER_MINUTE,
    timeWindow: 6e4,
    keyGenerator: (req) => {
      const phone = req.body?.phone;
      const key = typeof phone === "string" ? normaliseMobile(phone) ?? phone.slice(0, 32) : "";
      return `${req.ip}|${key}`;
    }
  };
  return { signIn: app.rateLimit(options), signUp: app.rateLimit(options), reset: app.rateLimit(options) };
}
export {
  AUTH_ATTEMPTS_PER_MINUTE,
  createAuthLimits
};
//# sourceMappingURL=auth-rate-limit.js.map
