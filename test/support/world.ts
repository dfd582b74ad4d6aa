import type { Address } from 'viem'
import { DIEM_ADDRESS, mockDiem, startChain, type TestChain } from './chain'
import { startVeniceStandin, type SignInFlow, type VeniceStandin } from './venice'

export interface TestWorld {
  chain: TestChain
  venice: VeniceStandin
  stop(): Promise<void>
}

/**
 * The local chain plus a Venice stand-in reading it: sVVV for minting, signatures, and the DIEM each
 * wallet stakes, which becomes its account's daily credit. Port 0 picks free ports.
 */
export async function startTestWorld({
  chainPort = 0,
  venicePort = 0,
  signInFlow,
}: { chainPort?: number; venicePort?: number; signInFlow?: SignInFlow } = {}): Promise<TestWorld> {
  const chain = await startChain({ port: chainPort })
  try {
    const stakedDiem = async (wallet: Address) => {
      const [amountStaked] = (await chain.publicClient.readContract({
        address: DIEM_ADDRESS,
        abi: mockDiem.abi,
        functionName: 'stakedInfos',
        args: [wallet],
      })) as readonly [bigint, bigint, bigint]
      return amountStaked
    }
    const venice = await startVeniceStandin({ port: venicePort, rpcUrl: chain.rpcUrl, signInFlow, stakedDiem })
    return {
      chain,
      venice,
      async stop() {
        await venice.stop()
        await chain.stop()
      },
    }
  } catch (error) {
    await chain.stop()
    throw error
  }
}
