import { lazyRequire } from "../lazy-require.js";
const tencentcloud = lazyRequire("tencentcloud-sdk-nodejs-sms");
function tencentClient(settings) {
  const Client = tencentcloud().sms.v20210111.Client;
  return new Client({
    credential: { secretId: settings.secretId, secretKey: settings.secretKey },
    region: settings.region,
    profile: { httpProfile: { endpoint: "sms.tencentcloudapi.com" } }
  });
}
const PARAM_ORDER = {
  verification_code: ["code", "minutes"],
  notice: ["text"]
};
function tencentRequest(settings, message) {
  const templateId = settings.templates[message.template];
  if (templateId === void 0) return null;
  return {
    PhoneNumberSet: [`+86${message.to}`],
    SmsSdkAppId: settings.sdkAppId,
    SignName: settings.signName,
    TemplateId: templateId,
    TemplateParamSet: PARAM_ORDER[message.template].map((k) => message.params[k] ?? "")
  };
}
function createTencentSms(settings, client = tencentClient(settings)) {
  return {
    provider: "tencent",
    async send(message) {
      const request = tencentRequest(settings, message);
      if (request === null) throw new Error(`tencent SMS: no template configured for ${message.template}`);
      const answer = await client.SendSms(request);
      const status = answer.SendStatusSet?.[0];
      if (status?.Code !== "Ok") throw new Error(`tencent SMS refused: ${status?.Code ?? "no status"} ${status?.Message ?? ""}`.trim());
    }
  };
}
export {
  createTencentSms,
  tencentClient,
  tencentRequest
};
//# sourceMappingURL=tencent-provider.js.map
