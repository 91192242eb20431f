// What the membership pages share: what they are given, what they show of a membership, the QR code.
import type QRCodeModule from 'qrcode'
import { lazyRequire } from '../../lib/lazy-require.js'
import type { MembershipsService } from './memberships-service.js'
import type { RosterImports } from './roster-import.js'
import type { MembershipView } from './memberships-repository.js'

const qrcode = lazyRequire<typeof QRCodeModule>('qrcode')

export interface PagesDeps { service: MembershipsService, imports: RosterImports }

/** The QR code as SVG markup with presentation attributes only (the CSP forbids style=""). */
export async function qrSvg (text: string): Promise<string> {
  const svg = await qrcode().toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
  return svg.replace(/\sstyle="[^"]*"/g, '').replace('<svg ', '<svg class="qr" role="img" aria-hidden="true" ')
}

/** What pages show of a membership: masked ID, never the cipher or hash. */
export function summary (m: MembershipView) {
  return {
    id: m.id, status: m.status, memberNo: m.memberNo, name: m.name, idMasked: m.idMasked, gender: m.gender, birthDate: m.birthDate,
    mobile: m.mobile, enterpriseId: m.enterpriseId, enterpriseName: m.enterpriseName, enterpriseStatus: m.enterpriseStatus,
    buildingId: m.buildingId, buildingName: m.buildingName, federationName: m.federationName ?? m.buildingName,
    appliedAt: m.appliedAt, joinedOn: m.joinedOn, leftOn: m.leftOn, rejectReason: m.rejectReason, source: m.source,
    decidedAt: m.decidedAt
  }
}
