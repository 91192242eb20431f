// Picks the SMS provider named by the configuration.
import type { Config } from '../../config.js'
import { createLogSms } from './log-provider.js'
import type { SmsSender } from './port.js'

export type { SmsMessage, SmsSender, SmsTemplate } from './port.js'

export function createSms (config: Config, now?: () => Date): SmsSender {
  switch (config.smsProvider) {
    case 'log': return createLogSms(config.smsOutbox, now)
    default: throw new Error(`SMS provider ${config.smsProvider} is not available`)
  }
}
