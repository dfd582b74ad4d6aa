export { OPERATOR_ACCOUNT, TEST_ACCOUNTS, type TestAccount } from './accounts'
export { CHAIN_ID, DIEM_ADDRESS, MULTICALL3_ADDRESS, STAKING_ADDRESS, VVV_ADDRESS } from './addresses'
export { mockDiem, mockStaking, mockVvv, type ContractArtifact } from './artifacts'
export { localBase, startChain, type TestChain } from './startChain'
