import type { Messages } from '../index.js'

// Messages of the buildings feature.
const messages: Messages = {
  zh: {},
  en: {}
}
export default messages
