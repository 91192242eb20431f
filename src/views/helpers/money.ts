import { formatFen } from '../../domain/money.js'

/** {{money fen}} → ¥1,234.50 */
export default function money (fen: unknown): string {
  return typeof fen === 'number' ? formatFen(fen) : ''
}
