// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// The cooldown length both staking mocks share: a constant default per contract, settable by
/// tests (0 restores the default; zero storage is the default, as the mocks are placed with anvil_setCode).
abstract contract Cooldown {
    uint256 private cooldownOverride;

    function _defaultCooldown() internal pure virtual returns (uint256);

    function cooldownDuration() public view returns (uint256) {
        return cooldownOverride == 0 ? _defaultCooldown() : cooldownOverride;
    }

    function setCooldownDuration(uint256 secondsLong) external {
        cooldownOverride = secondsLong;
    }

    /// When a cooldown started now ends.
    function _cooldownEndFromNow() internal view returns (uint256) {
        return block.timestamp + cooldownDuration();
    }
}
