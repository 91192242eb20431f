import type { Messages } from '../index.js'

// Messages of the aid feature.
const messages: Messages = {
  zh: {},
  en: {}
}
export default messages
