import { parseEther } from 'viem'
import { TEST_ACCOUNTS } from './chain'
import { seedShowcase } from './sandboxShowcase'
import type { TestWorld } from './world'

/** The sandbox's two wallets (the same keys as src/sandbox/sandboxWallets.ts) and what they hold. */
export const SANDBOX_HOLDER = TEST_ACCOUNTS[0]
export const SANDBOX_NON_HOLDER = TEST_ACCOUNTS[1]

/** Returns the secrets of two seeded keys of the holder's account (ADMIN and INFERENCE), for pasting. */
export async function seedSandbox(world: TestWorld): Promise<{ admin: string; inference: string }> {
  await world.chain.setBalances(SANDBOX_HOLDER.address, {
    vvv: parseEther('1000'),
    svvv: parseEther('250'),
    diem: parseEther('2'),
  })
  await world.chain.setBalances(SANDBOX_NON_HOLDER.address, { vvv: parseEther('500'), svvv: 0n, diem: parseEther('0.5') })
  world.venice.control.setBalances(SANDBOX_HOLDER.address, {
    usd: 25,
    diem: 12.5,
    bundledCredits: 5,
    earnedCredits: 0,
    diemEpochAllocation: 20,
  })
  return seedShowcase(world, SANDBOX_HOLDER.address)
}
