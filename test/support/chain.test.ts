import { execFileSync } from 'node:child_process'
import { createWalletClient, erc20Abi, http, parseEther } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  MULTICALL3_ADDRESS,
  mockStaking,
  mockVvv,
  OPERATOR_ACCOUNT,
  STAKING_ADDRESS,
  startChain,
  TEST_ACCOUNTS,
  VVV_ADDRESS,
  type TestChain,
} from './chain'

let chain: TestChain
beforeAll(async () => {
  chain = await startChain({ port: 0 })
})
afterAll(() => chain?.stop())

describe('local chain', () => {
  it('is Base (8453) past Multicall3’s creation block, with the mocks and Multicall3 in place', async () => {
    expect(await chain.publicClient.getChainId()).toBe(8453)
    expect(await chain.publicClient.getBlockNumber()).toBeGreaterThanOrEqual(10_000n)
    for (const address of [VVV_ADDRESS, STAKING_ADDRESS, MULTICALL3_ADDRESS]) {
      expect(await chain.publicClient.getCode({ address })).toMatch(/^0x[0-9a-f]{100,}$/)
    }
  })

  it('exports anvil’s own default accounts', async () => {
    const anvilAccounts = await createWalletClient({ transport: http(chain.rpcUrl) }).getAddresses()
    expect(anvilAccounts).toEqual(
      expect.arrayContaining([...TEST_ACCOUNTS.map((account) => account.address), OPERATOR_ACCOUNT.address]),
    )
  })

  it('sets exact token balances and answers batched reads through Multicall3', async () => {
    const { address } = TEST_ACCOUNTS[1]
    await chain.setBalances(address, { vvv: parseEther('7'), svvv: parseEther('3') })
    await chain.setBalances(address, { svvv: parseEther('1') })
    const results = await chain.publicClient.multicall({
      allowFailure: false,
      contracts: [
        { address: VVV_ADDRESS, abi: erc20Abi, functionName: 'balanceOf', args: [address] },
        { address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'balanceOf', args: [address] },
        { address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'totalSupply' },
        { address: VVV_ADDRESS, abi: erc20Abi, functionName: 'symbol' },
        { address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'symbol' },
        { address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'decimals' },
      ],
    })
    expect(results).toEqual([parseEther('7'), parseEther('1'), parseEther('1'), 'VVV', 'sVVV', 18])
  })

  it('serialises concurrent balance changes', async () => {
    const owners = TEST_ACCOUNTS.map((account) => account.address)
    await Promise.all(
      owners.map((owner, index) => chain.setBalances(owner, { vvv: BigInt(index + 1), svvv: BigInt(index + 10) })),
    )
    const balances = await Promise.all(
      owners.map((owner) =>
        chain.publicClient.readContract({ address: STAKING_ADDRESS, abi: erc20Abi, functionName: 'balanceOf', args: [owner] }),
      ),
    )
    expect(balances).toEqual([10n, 11n, 12n, 13n])
  })

  it('stakes like the real contract: approve VVV, then stake(recipient, amount) credits sVVV', async () => {
    const staker = TEST_ACCOUNTS[2]
    const recipient = TEST_ACCOUNTS[3].address
    const wallet = createWalletClient({
      account: privateKeyToAccount(staker.privateKey),
      chain: chain.publicClient.chain,
      transport: http(chain.rpcUrl),
    })
    const send = async (hash: Promise<`0x${string}`>) => {
      const receipt = await chain.publicClient.waitForTransactionReceipt({ hash: await hash, pollingInterval: 50 })
      expect(receipt.status).toBe('success')
    }
    await chain.setBalances(staker.address, { vvv: 0n })
    await chain.setBalances(recipient, { svvv: 0n })
    await send(
      wallet.writeContract({
        address: VVV_ADDRESS,
        abi: mockVvv.abi,
        functionName: 'mint',
        args: [staker.address, parseEther('10')],
      }),
    )
    await send(
      wallet.writeContract({
        address: VVV_ADDRESS,
        abi: erc20Abi,
        functionName: 'approve',
        args: [STAKING_ADDRESS, parseEther('4')],
      }),
    )
    await send(
      wallet.writeContract({
        address: STAKING_ADDRESS,
        abi: mockStaking.abi,
        functionName: 'stake',
        args: [recipient, parseEther('4')],
      }),
    )

    const balance = (token: typeof VVV_ADDRESS, owner: typeof recipient) =>
      chain.publicClient.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [owner] })
    expect(await balance(VVV_ADDRESS, staker.address)).toBe(parseEther('6'))
    expect(await balance(VVV_ADDRESS, STAKING_ADDRESS)).toBe(parseEther('4'))
    expect(await balance(STAKING_ADDRESS, recipient)).toBe(parseEther('4'))

    await expect(
      chain.publicClient.simulateContract({
        account: staker.address,
        address: STAKING_ADDRESS,
        abi: mockStaking.abi,
        functionName: 'stake',
        args: [recipient, parseEther('1')],
      }),
    ).rejects.toThrow(/insufficient allowance/)
  })

  it('funds an address with ETH', async () => {
    const { address } = privateKeyToAccount('0x0123456789012345678901234567890123456789012345678901234567890123')
    await chain.fund(address, '1.5')
    expect(await chain.publicClient.getBalance({ address })).toBe(parseEther('1.5'))
  })

  it('refuses a port that is already taken', async () => {
    await expect(startChain({ port: Number(new URL(chain.rpcUrl).port) })).rejects.toThrow(/is in use/)
  })

  it('stop() leaves no anvil process behind', async () => {
    const other = await startChain({ port: 0 })
    const port = new URL(other.rpcUrl).port
    const running = () => execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).includes(`--port ${port} `)
    expect(running()).toBe(true)
    await other.stop()
    expect(running()).toBe(false)
  })
})
