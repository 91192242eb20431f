import { createLogSms } from "./log-provider.js";
import { createAliyunSms } from "./aliyun-provider.js";
import { createTencentSms } from "./tencent-provider.js";
function createSms(config, now) {
  switch (config.smsProvider) {
    case "log":
      return createLogSms(config.smsOutbox, now);
    // loadConfig refuses to start a provider without its settings.
    case "aliyun":
      if (config.smsAliyun !== void 0) return createAliyunSms(config.smsAliyun);
      break;
    case "tencent":
      if (config.smsTencent !== void 0) return createTencentSms(config.smsTencent);
      break;
  }
  throw new Error(`SMS provider ${config.smsProvider} has no settings`);
}
export {
  createSms
};
//# sourceMappingURL=index.js.map
