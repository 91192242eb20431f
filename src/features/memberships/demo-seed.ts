import type { SeedContext } from '../../cli/seed-demo.js'

// The memberships part of the demo database (filled in with the memberships feature).
export async function seedMemberships (ctx: SeedContext): Promise<void> {
  void ctx
}
