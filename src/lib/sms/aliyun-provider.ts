// Aliyun SMS (短信服务, dysmsapi 2017-05-25) through its official SDK. The SDK client is the only
// thing that talks to the network; tests hand in a fake one and check the request it is given.
import type Dysmsapi from '@alicloud/dysmsapi20170525'
import type { SendSmsRequest } from '@alicloud/dysmsapi20170525'
import type * as OpenApiTypes from '@alicloud/openapi-client'
import type { AliyunSmsSettings } from '../../config.js'
import type { SmsMessage, SmsSender } from './port.js'
import { lazyRequire } from '../lazy-require.js'

/** What the provider needs of the SDK client: one call. */
export interface AliyunSmsClient {
  sendSms: (request: SendSmsRequest) => Promise<{ body?: { code?: string, message?: string, bizId?: string } }>
}

// The SDK is CommonJS (classes on `exports`, the client as `exports.default`): loaded with
// require, so it is the same object under tsx, the tests and the compiled server, and only when
// the portal is configured to send through Aliyun (it is 300 modules).
const sdk = lazyRequire<{ default: typeof Dysmsapi.default, SendSmsRequest: typeof SendSmsRequest }>('@alicloud/dysmsapi20170525')
const openApi = lazyRequire<typeof OpenApiTypes>('@alicloud/openapi-client')

export function aliyunClient (settings: AliyunSmsSettings): AliyunSmsClient {
  const config = new (openApi().Config)({
    accessKeyId: settings.accessKeyId, accessKeySecret: settings.accessKeySecret, endpoint: settings.endpoint
  })
  const Client = sdk().default
  return new Client(config as ConstructorParameters<typeof Dysmsapi.default>[0])
}

/** The SDK request for one message: the signature, the template's approved code, its parameters as JSON. */
export function aliyunRequest (settings: AliyunSmsSettings, message: SmsMessage): SendSmsRequest | null {
  const templateCode = settings.templates[message.template]
  if (templateCode === undefined) return null
  return new (sdk().SendSmsRequest)({
    phoneNumbers: message.to, signName: settings.signName, templateCode, templateParam: JSON.stringify(message.params)
  })
}

export function createAliyunSms (settings: AliyunSmsSettings, client: AliyunSmsClient = aliyunClient(settings)): SmsSender {
  return {
    provider: 'aliyun',
    async send (message: SmsMessage): Promise<void> {
      const request = aliyunRequest(settings, message)
      if (request === null) throw new Error(`aliyun SMS: no template configured for ${message.template}`)
      const answer = await client.sendSms(request)
      // The API answers 200 with its own code: only "OK" means the message was accepted.
      if (answer.body?.code !== 'OK') throw new Error(`aliyun SMS refused: ${answer.body?.code ?? 'no code'} ${answer.body?.message ?? ''}`.trim())
    }
  }
}
