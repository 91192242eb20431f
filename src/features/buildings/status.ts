import type { FastifyRequest } from 'fastify'
import type { EnterpriseStatus } from './buildings-repository.js'

const BADGE: Record<EnterpriseStatus, string> = { enrolled: 'ok', pending: 'warn', rejected: 'bad', withdrawn: '' }

/** The label and badge class of an enterprise status, prepared for a template. */
export function statusBadge (req: FastifyRequest, status: EnterpriseStatus): { statusLabel: string, statusClass: string } {
  return { statusLabel: req.t('buildings.status.' + status), statusClass: BADGE[status] }
}
