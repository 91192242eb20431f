import type { Messages } from '../index.js'

// Messages of the claims feature.
const messages: Messages = {
  zh: {},
  en: {}
}
export default messages
