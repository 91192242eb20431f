import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
function createLogSms(outbox, now = () => /* @__PURE__ */ new Date()) {
  mkdirSync(dirname(outbox), { recursive: true });
  return {
    provider: "log",
    async send(message) {
      const line = JSON.stringify({ to: message.to, template: message.template, params: message.params, at: now().toISOString() });
      appendFileSync(outbox, line + "\n", { encoding: "utf8", mode: 384 });
    }
  };
}
export {
  createLogSms
};
//# sourceMappingURL=log-provider.js.map
