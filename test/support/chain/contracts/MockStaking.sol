// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Cooldown} from "./Cooldown.sol";
import {TestToken} from "./TestToken.sol";

interface IVVV {
    function transfer(address to, uint256 amount) external returns (bool);
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
    function balanceOf(address account) external view returns (uint256);
    function mint(address to, uint256 amount) external;
}

interface IDIEM {
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function mintFromStaking(address to, uint256 amount) external;
    function burnFromStaking(address from, uint256 amount) external;
}

/// Stands in for the Venice staking contract at 0x321b7ff75154472B18EDb199033fF4D116F340Ff, which
/// is also the sVVV token: every function of docs/staking.md with the same signature, plus test
/// helpers (setBalance, setCooldownDuration, setRewardRate). Placed with anvil_setCode, so every
/// setting is stored as an override of a constant default (zero storage = the default).
contract MockStaking is TestToken, Cooldown {
    IVVV private constant VVV = IVVV(0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf);
    IDIEM private constant DIEM = IDIEM(0xF4d97F2da56e8c3098f3a8D538DB630A2606a024);

    /// VVV per sVVV per second, scaled by 1e18: about 10 % a year.
    uint256 private constant DEFAULT_REWARD_RATE = 3_170_979_198;
    /// sVVV per DIEM before any DIEM exists; each DIEM in supply raises it by 1 sVVV.
    uint256 private constant BASE_MINT_RATE = 700e18;

    struct Stake {
        uint256 rewardDebt;
        uint256 cooldownEnd;
        uint256 cooldownAmount;
    }

    struct LockedStake {
        uint256 sVVVLockedAmount;
        uint256 outstandingDiemAmount;
    }

    mapping(address => Stake) public stakes;
    mapping(address => LockedStake) public lockedStakes;
    mapping(address => uint256) private accrued;
    mapping(address => uint256) private accruedAt;
    uint256 private rewardRateOverride;

    function name() external pure override returns (string memory) {
        return "Staked VVV";
    }

    function symbol() external pure override returns (string memory) {
        return "sVVV";
    }

    // ---- sVVV cannot move ----

    function transfer(address, uint256) external pure override returns (bool) {
        revert("sVVV is not transferable");
    }

    function transferFrom(address, address, uint256) external pure override returns (bool) {
        revert("sVVV is not transferable");
    }

    // ---- reads ----

    function balanceOfUnlocked(address account) public view returns (uint256) {
        return balanceOf[account] - lockedStakes[account].sVVVLockedAmount;
    }

    function pendingRewards(address account) public view returns (uint256) {
        return accrued[account] + _accruing(account);
    }

    function _defaultCooldown() internal pure override returns (uint256) {
        return 7 days;
    }

    /// The quote: the mint rate (sVVV per DIEM) rises with DIEM's supply.
    function getDiemAmountOut(uint256 sVVVAmountToLock) public view returns (uint256) {
        return (sVVVAmountToLock * 1e18) / (BASE_MINT_RATE + DIEM.totalSupply());
    }

    // ---- writes ----

    /// Pulls `amount` VVV from the caller (needs an allowance of at least `amount`) and credits `recipient` with as much sVVV.
    function stake(address recipient, uint256 amount) external {
        require(amount > 0, "Staking: amount is zero");
        _payRewards(msg.sender);
        _accrue(recipient);
        require(VVV.transferFrom(msg.sender, address(this), amount), "Staking: VVV transfer failed");
        _mint(recipient, amount);
    }

    function claim() external {
        uint256 reward = _settle(msg.sender);
        require(reward > 0, "Staking: no rewards to claim");
        _payVvv(msg.sender, reward);
    }

    function claimAndStake() external {
        uint256 reward = _settle(msg.sender);
        require(reward > 0, "Staking: no rewards to claim");
        VVV.mint(address(this), reward);
        _mint(msg.sender, reward);
    }

    function initiateUnstake(uint256 amount) external {
        require(amount > 0, "Staking: amount is zero");
        Stake storage position = stakes[msg.sender];
        require(position.cooldownAmount == 0, "Staking: an unstake is already cooling down; finalize it first");
        require(amount <= balanceOfUnlocked(msg.sender), "Staking: amount exceeds unlocked sVVV");
        _payRewards(msg.sender);
        _burn(msg.sender, amount);
        position.cooldownAmount = amount;
        position.cooldownEnd = _cooldownEndFromNow();
    }

    function finalizeUnstake() external {
        Stake storage position = stakes[msg.sender];
        uint256 amount = position.cooldownAmount;
        require(amount > 0, "Staking: no unstake to finalize");
        require(block.timestamp >= position.cooldownEnd, "Staking: the unstake cooldown has not ended yet");
        position.cooldownAmount = 0;
        position.cooldownEnd = 0;
        _payVvv(msg.sender, amount);
    }

    function mintDiem(uint256 sVVVAmountToLock, uint256 minDiemAmountOut) external {
        require(sVVVAmountToLock > 0, "Staking: amount is zero");
        require(sVVVAmountToLock <= balanceOfUnlocked(msg.sender), "Staking: amount exceeds unlocked sVVV");
        uint256 diemOut = getDiemAmountOut(sVVVAmountToLock);
        require(diemOut > 0, "Staking: too little sVVV for any DIEM");
        require(diemOut >= minDiemAmountOut, "Staking: DIEM out is below your minimum (the rate moved)");
        _payRewards(msg.sender);
        LockedStake storage locked = lockedStakes[msg.sender];
        locked.sVVVLockedAmount += sVVVAmountToLock;
        locked.outstandingDiemAmount += diemOut;
        DIEM.mintFromStaking(msg.sender, diemOut);
    }

    function burnDiem(uint256 diemAmountToBurn) external {
        require(diemAmountToBurn > 0, "Staking: amount is zero");
        LockedStake storage locked = lockedStakes[msg.sender];
        require(diemAmountToBurn <= locked.outstandingDiemAmount, "Staking: burning more DIEM than this wallet minted");
        require(diemAmountToBurn <= DIEM.balanceOf(msg.sender), "Staking: not enough liquid DIEM in the wallet");
        _payRewards(msg.sender);
        uint256 unlocked = (locked.sVVVLockedAmount * diemAmountToBurn) / locked.outstandingDiemAmount;
        locked.sVVVLockedAmount -= unlocked;
        locked.outstandingDiemAmount -= diemAmountToBurn;
        DIEM.burnFromStaking(msg.sender, diemAmountToBurn);
    }

    // ---- test helpers ----

    function setBalance(address account, uint256 amount) public override {
        _accrue(account);
        super.setBalance(account, amount);
    }

    /// VVV per sVVV per second, scaled by 1e18 (0 restores the default).
    function setRewardRate(uint256 rate) external {
        rewardRateOverride = rate;
    }

    // ---- rewards ----

    /// Locked sVVV earns 80 % of the normal yield.
    function _accruing(address account) private view returns (uint256) {
        uint256 since = accruedAt[account];
        if (since == 0) return 0;
        uint256 locked = lockedStakes[account].sVVVLockedAmount;
        uint256 weight = balanceOf[account] - locked + (locked * 80) / 100;
        uint256 rate = rewardRateOverride == 0 ? DEFAULT_REWARD_RATE : rewardRateOverride;
        return (weight * rate * (block.timestamp - since)) / 1e18;
    }

    function _accrue(address account) private {
        accrued[account] += _accruing(account);
        accruedAt[account] = block.timestamp;
    }

    function _settle(address account) private returns (uint256 reward) {
        _accrue(account);
        reward = accrued[account];
        accrued[account] = 0;
        stakes[account].rewardDebt += reward;
    }

    function _payRewards(address account) private {
        uint256 reward = _settle(account);
        if (reward > 0) _payVvv(account, reward);
    }

    /// Pays from the VVV this contract holds, minting any shortfall (test balances are set without backing VVV).
    function _payVvv(address to, uint256 amount) private {
        uint256 held = VVV.balanceOf(address(this));
        if (held < amount) VVV.mint(address(this), amount - held);
        require(VVV.transfer(to, amount), "Staking: VVV payout failed");
    }
}
