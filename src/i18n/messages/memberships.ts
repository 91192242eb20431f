import type { Messages } from '../index.js'

// Messages of the memberships feature.
const messages: Messages = {
  zh: {},
  en: {}
}
export default messages
