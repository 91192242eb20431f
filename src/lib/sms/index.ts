// Picks the SMS provider named by the configuration.
import type { Config } from '../../config.js'
import { createLogSms } from './log-provider.js'
import { createAliyunSms } from './aliyun-provider.js'
import { createTencentSms } from './tencent-provider.js'
import type { SmsSender } from './port.js'

export type { SmsSender } from './port.js'

export function createSms (config: Config, now?: () => Date): SmsSender {
  switch (config.smsProvider) {
    case 'log': return createLogSms(config.smsOutbox, now)
    // loadConfig refuses to start a provider without its settings.
    case 'aliyun': if (config.smsAliyun !== undefined) return createAliyunSms(config.smsAliyun)
      break
    case 'tencent': if (config.smsTencent !== undefined) return createTencentSms(config.smsTencent)
      break
  }
  throw new Error(`SMS provider ${config.smsProvider} has no settings`)
}
