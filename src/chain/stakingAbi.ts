/**
 * The Venice staking contract, which is also the sVVV token (docs/staking.md lists every
 * function with its selector; a support test checks them). sVVV cannot be transferred.
 */
const address = { type: 'address' } as const
const uint = (name: string) => ({ name, type: 'uint256' }) as const

export const stakingAbi = [
  {
    type: 'function',
    name: 'stake',
    stateMutability: 'nonpayable',
    inputs: [{ name: 'recipient', ...address }, uint('amount')],
    outputs: [],
  },
  { type: 'function', name: 'claim', stateMutability: 'nonpayable', inputs: [], outputs: [] },
  { type: 'function', name: 'claimAndStake', stateMutability: 'nonpayable', inputs: [], outputs: [] },
  { type: 'function', name: 'initiateUnstake', stateMutability: 'nonpayable', inputs: [uint('amount')], outputs: [] },
  { type: 'function', name: 'finalizeUnstake', stateMutability: 'nonpayable', inputs: [], outputs: [] },
  {
    type: 'function',
    name: 'mintDiem',
    stateMutability: 'nonpayable',
    inputs: [uint('sVVVAmountToLock'), uint('minDiemAmountOut')],
    outputs: [],
  },
  { type: 'function', name: 'burnDiem', stateMutability: 'nonpayable', inputs: [uint('diemAmountToBurn')], outputs: [] },
  {
    type: 'function',
    name: 'balanceOf',
    stateMutability: 'view',
    inputs: [{ name: 'account', ...address }],
    outputs: [uint('')],
  },
  {
    type: 'function',
    name: 'balanceOfUnlocked',
    stateMutability: 'view',
    inputs: [{ name: 'account', ...address }],
    outputs: [uint('')],
  },
  {
    type: 'function',
    name: 'pendingRewards',
    stateMutability: 'view',
    inputs: [{ name: 'account', ...address }],
    outputs: [uint('')],
  },
  {
    type: 'function',
    name: 'stakes',
    stateMutability: 'view',
    inputs: [{ name: 'account', ...address }],
    outputs: [uint('rewardDebt'), uint('cooldownEnd'), uint('cooldownAmount')],
  },
  {
    type: 'function',
    name: 'lockedStakes',
    stateMutability: 'view',
    inputs: [{ name: 'account', ...address }],
    outputs: [uint('sVVVLockedAmount'), uint('outstandingDiemAmount')],
  },
  { type: 'function', name: 'cooldownDuration', stateMutability: 'view', inputs: [], outputs: [uint('')] },
  {
    type: 'function',
    name: 'getDiemAmountOut',
    stateMutability: 'view',
    inputs: [uint('sVVVAmountToLock')],
    outputs: [uint('')],
  },
] as const

/** DIEM, an ERC-20 with its own staking: staked DIEM gives the linked Venice account daily credit. */
export const diemStakingAbi = [
  { type: 'function', name: 'stake', stateMutability: 'nonpayable', inputs: [uint('amount')], outputs: [] },
  { type: 'function', name: 'initiateUnstake', stateMutability: 'nonpayable', inputs: [uint('amount')], outputs: [] },
  { type: 'function', name: 'unstake', stateMutability: 'nonpayable', inputs: [], outputs: [] },
  {
    type: 'function',
    name: 'stakedInfos',
    stateMutability: 'view',
    inputs: [{ name: 'account', ...address }],
    outputs: [uint('amountStaked'), uint('coolDownEnd'), uint('coolDownAmount')],
  },
  { type: 'function', name: 'cooldownDuration', stateMutability: 'view', inputs: [], outputs: [uint('')] },
] as const
