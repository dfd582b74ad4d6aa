import { createWalletClient, erc20Abi, http, parseEther, type Abi, type Address, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DIEM_ADDRESS, mockDiem, mockStaking, STAKING_ADDRESS, startChain, VVV_ADDRESS, type TestChain } from './chain'

const DAY = 86_400
const stakingAbi = mockStaking.abi
const diemAbi = mockDiem.abi

describe('the mock staking contract and DIEM', () => {
  let chain: TestChain
  beforeAll(async () => {
    chain = await startChain({ port: 0 })
  })
  afterAll(() => chain?.stop())

  async function newWallet({ vvv = '0', svvv = '0', diem = '0' } = {}) {
    const account = privateKeyToAccount(generatePrivateKey())
    await chain.fund(account.address, '1')
    await chain.setBalances(account.address, { vvv: parseEther(vvv), svvv: parseEther(svvv), diem: parseEther(diem) })
    const client = createWalletClient({ account, chain: chain.publicClient.chain, transport: http(chain.rpcUrl) })
    const send = async (address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) => {
      const { request } = await chain.publicClient.simulateContract({ account, address, abi, functionName, args })
      // A margin over the estimate, as wallets add: rewards accrue by the second, so a block mined a second
      // after the estimate can take the payout path the estimate did not (and run out of gas without it).
      const gas = await chain.publicClient.estimateContractGas({ account, address, abi, functionName, args })
      const hash: Hex = await client.writeContract({ ...request, gas: gas * 2n })
      const receipt = await chain.publicClient.waitForTransactionReceipt({ hash, pollingInterval: 50 })
      expect(receipt.status).toBe('success')
    }
    const refused = (address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
      chain.publicClient.simulateContract({ account, address, abi, functionName, args })
    const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = [account.address]) =>
      chain.publicClient.readContract({ address, abi, functionName, args }) as Promise<T>
    return { address: account.address, send, refused, read }
  }

  it('stakes exactly the approved amount, and no more', async () => {
    const wallet = await newWallet({ vvv: '10' })
    await wallet.send(VVV_ADDRESS, erc20Abi, 'approve', [STAKING_ADDRESS, parseEther('4')])
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'stake', [wallet.address, parseEther('5')])).rejects.toThrow(
      /insufficient allowance/,
    )
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'stake', [wallet.address, parseEther('4')])
    expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'balanceOf')).toBe(parseEther('4'))
    expect(await wallet.read(VVV_ADDRESS, erc20Abi, 'allowance', [wallet.address, STAKING_ADDRESS])).toBe(0n)
  })

  it('refuses sVVV transfers', async () => {
    const wallet = await newWallet({ svvv: '5' })
    await expect(wallet.refused(STAKING_ADDRESS, erc20Abi, 'transfer', [VVV_ADDRESS, 1n])).rejects.toThrow(
      /sVVV is not transferable/,
    )
  })

  it('accrues rewards with time, pays them with claim and restakes them with claimAndStake', async () => {
    const wallet = await newWallet({ svvv: '1000' })
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'claim')).rejects.toThrow(/no rewards to claim/)
    await chain.increaseTime(DAY)
    const pending = await wallet.read<bigint>(STAKING_ADDRESS, stakingAbi, 'pendingRewards')
    expect(pending).toBeGreaterThan(parseEther('0.2')) // about 10 % a year: ~0.27 VVV a day on 1,000 sVVV
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'claim')
    expect(await wallet.read<bigint>(VVV_ADDRESS, erc20Abi, 'balanceOf')).toBeGreaterThanOrEqual(pending)
    await chain.increaseTime(DAY)
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'claimAndStake')
    expect(await wallet.read<bigint>(STAKING_ADDRESS, stakingAbi, 'balanceOf')).toBeGreaterThan(parseEther('1000.2'))
  })

  it('unstakes after the 7-day cooldown only, one cooldown at a time, and the cooldown is settable', async () => {
    const wallet = await newWallet({ svvv: '10' })
    expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'cooldownDuration', [])).toBe(BigInt(7 * DAY))
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'initiateUnstake', [parseEther('11')])).rejects.toThrow(
      /exceeds unlocked sVVV/,
    )
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'initiateUnstake', [parseEther('4')])
    const [, end, amount] = await wallet.read<[bigint, bigint, bigint]>(STAKING_ADDRESS, stakingAbi, 'stakes')
    expect(amount).toBe(parseEther('4'))
    expect(end).toBe(BigInt((await chain.now()) + 7 * DAY))
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'initiateUnstake', [1n])).rejects.toThrow(/already cooling down/)
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'finalizeUnstake')).rejects.toThrow(/cooldown has not ended/)
    await chain.increaseTime(7 * DAY)
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'finalizeUnstake')
    expect(await wallet.read<bigint>(VVV_ADDRESS, erc20Abi, 'balanceOf')).toBeGreaterThanOrEqual(parseEther('4'))
    expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'balanceOf')).toBe(parseEther('6'))
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'finalizeUnstake')).rejects.toThrow(/no unstake to finalize/)

    await chain.setCooldowns({ svvv: 60 })
    try {
      expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'cooldownDuration', [])).toBe(60n)
    } finally {
      await chain.setCooldowns({ svvv: 0 })
    }
  })

  it('mints DIEM at a rate that rises with supply, honours the floor, and burns only what was minted', async () => {
    const wallet = await newWallet({ svvv: '1400', diem: '1' })
    const quote = await wallet.read<bigint>(STAKING_ADDRESS, stakingAbi, 'getDiemAmountOut', [parseEther('700')])
    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'mintDiem', [parseEther('700'), quote + 1n])).rejects.toThrow(
      /below your minimum/,
    )
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'mintDiem', [parseEther('700'), quote])
    expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'lockedStakes')).toEqual([parseEther('700'), quote])
    expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'balanceOfUnlocked')).toBe(parseEther('700'))
    expect(await wallet.read(STAKING_ADDRESS, stakingAbi, 'balanceOf')).toBe(parseEther('1400'))
    expect(await wallet.read<bigint>(STAKING_ADDRESS, stakingAbi, 'getDiemAmountOut', [parseEther('700')])).toBeLessThan(quote)

    await expect(wallet.refused(STAKING_ADDRESS, stakingAbi, 'burnDiem', [quote + 1n])).rejects.toThrow(
      /more DIEM than this wallet minted/,
    )
    await wallet.send(STAKING_ADDRESS, stakingAbi, 'burnDiem', [quote / 2n])
    const [locked, outstanding] = await wallet.read<[bigint, bigint]>(STAKING_ADDRESS, stakingAbi, 'lockedStakes')
    expect(outstanding).toBe(quote - quote / 2n)
    expect(locked).toBeGreaterThanOrEqual(parseEther('350'))
    expect(locked).toBeLessThanOrEqual(parseEther('350') + 1n)
  })

  it('stakes DIEM, restarts its 1-day cooldown for the whole pending amount, and withdraws after it', async () => {
    const wallet = await newWallet({ diem: '3' })
    await wallet.send(DIEM_ADDRESS, diemAbi, 'stake', [parseEther('2')])
    expect(await wallet.read(DIEM_ADDRESS, diemAbi, 'stakedInfos')).toEqual([parseEther('2'), 0n, 0n])
    await wallet.send(DIEM_ADDRESS, diemAbi, 'initiateUnstake', [parseEther('0.5')])
    await chain.increaseTime(DAY / 2)
    await wallet.send(DIEM_ADDRESS, diemAbi, 'initiateUnstake', [parseEther('0.5')])
    const [staked, end, cooling] = await wallet.read<[bigint, bigint, bigint]>(DIEM_ADDRESS, diemAbi, 'stakedInfos')
    expect([staked, cooling]).toEqual([parseEther('1'), parseEther('1')])
    expect(end).toBe(BigInt((await chain.now()) + DAY))
    await chain.increaseTime(DAY / 2)
    await expect(wallet.refused(DIEM_ADDRESS, diemAbi, 'unstake')).rejects.toThrow(/cooldown has not ended/)
    await chain.increaseTime(DAY / 2)
    await wallet.send(DIEM_ADDRESS, diemAbi, 'unstake')
    expect(await wallet.read(DIEM_ADDRESS, diemAbi, 'balanceOf')).toBe(parseEther('2'))
    await expect(wallet.refused(DIEM_ADDRESS, diemAbi, 'stake', [parseEther('5')])).rejects.toThrow(/exceeds your liquid DIEM/)
  })
})
