// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Cooldown} from "./Cooldown.sol";
import {TestToken} from "./TestToken.sol";

/// Stands in for the DIEM token at 0xF4d97F2da56e8c3098f3a8D538DB630A2606a024, with its built-in
/// staking (stake, initiateUnstake, unstake, stakedInfos, cooldownDuration). Only the staking
/// contract mints and burns it (mintDiem, burnDiem); setBalance and setCooldownDuration are test helpers.
contract MockDiem is TestToken, Cooldown {
    address private constant STAKING = 0x321b7ff75154472B18EDb199033fF4D116F340Ff;

    struct StakedInfo {
        uint256 amountStaked;
        uint256 coolDownEnd;
        uint256 coolDownAmount;
    }

    mapping(address => StakedInfo) public stakedInfos;

    function name() external pure override returns (string memory) {
        return "Diem";
    }

    function symbol() external pure override returns (string memory) {
        return "DIEM";
    }

    function _defaultCooldown() internal pure override returns (uint256) {
        return 1 days;
    }

    function stake(uint256 amount) external {
        require(amount > 0, "DIEM: amount is zero");
        require(amount <= balanceOf[msg.sender], "DIEM: amount exceeds your liquid DIEM");
        _move(msg.sender, address(this), amount);
        stakedInfos[msg.sender].amountStaked += amount;
    }

    /// Moves `amount` of staked DIEM into the cooldown and restarts it for everything pending.
    function initiateUnstake(uint256 amount) external {
        require(amount > 0, "DIEM: amount is zero");
        StakedInfo storage info = stakedInfos[msg.sender];
        require(amount <= info.amountStaked, "DIEM: amount exceeds your staked DIEM");
        info.amountStaked -= amount;
        info.coolDownAmount += amount;
        info.coolDownEnd = _cooldownEndFromNow();
    }

    /// Withdraws everything whose cooldown has passed.
    function unstake() external {
        StakedInfo storage info = stakedInfos[msg.sender];
        uint256 amount = info.coolDownAmount;
        require(amount > 0, "DIEM: nothing is cooling down");
        require(block.timestamp >= info.coolDownEnd, "DIEM: the unstake cooldown has not ended yet");
        info.coolDownAmount = 0;
        info.coolDownEnd = 0;
        _move(address(this), msg.sender, amount);
    }

    function mintFromStaking(address to, uint256 amount) external {
        require(msg.sender == STAKING, "DIEM: only the staking contract mints");
        _mint(to, amount);
    }

    function burnFromStaking(address from, uint256 amount) external {
        require(msg.sender == STAKING, "DIEM: only the staking contract burns");
        _burn(from, amount);
    }
}
