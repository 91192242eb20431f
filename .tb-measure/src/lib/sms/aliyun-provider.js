import { lazyRequire } from "../lazy-require.js";
const sdk = lazyRequire("@alicloud/dysmsapi20170525");
const openApi = lazyRequire("@alicloud/openapi-client");
function aliyunClient(settings) {
  const config = new (openApi()).Config({
    accessKeyId: settings.accessKeyId,
    accessKeySecret: settings.accessKeySecret,
    endpoint: settings.endpoint
  });
  const Client = sdk().default;
  return new Client(config);
}
function aliyunRequest(settings, message) {
  const templateCode = settings.templates[message.template];
  if (templateCode === void 0) return null;
  return new (sdk()).SendSmsRequest({
    phoneNumbers: message.to,
    signName: settings.signName,
    templateCode,
    templateParam: JSON.stringify(message.params)
  });
}
function createAliyunSms(settings, client = aliyunClient(settings)) {
  return {
    provider: "aliyun",
    async send(message) {
      const request = aliyunRequest(settings, message);
      if (request === null) throw new Error(`aliyun SMS: no template configured for ${message.template}`);
      const answer = await client.sendSms(request);
      if (answer.body?.code !== "OK") throw new Error(`aliyun SMS refused: ${answer.body?.code ?? "no code"} ${answer.body?.message ?? ""}`.trim());
    }
  };
}
export {
  aliyunClient,
  aliyunRequest,
  createAliyunSms
};
//# sourceMappingURL=aliyun-provider.js.map
