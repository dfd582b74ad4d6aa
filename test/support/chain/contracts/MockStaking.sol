// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TestToken} from "./TestToken.sol";

interface IERC20 {
    function transferFrom(address from, address to, uint256 amount) external returns (bool);
}

/// Stands in for the Venice staking contract at 0x321b7ff75154472B18EDb199033fF4D116F340Ff,
/// which is also the sVVV token. Only `stake` and the ERC-20 surface are modelled.
contract MockStaking is TestToken {
    IERC20 private constant VVV = IERC20(0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf);

    function name() external pure override returns (string memory) {
        return "Staked VVV";
    }

    function symbol() external pure override returns (string memory) {
        return "sVVV";
    }

    /// Pulls `amount` VVV from the caller (needs an allowance) and credits `recipient` with as much sVVV.
    function stake(address recipient, uint256 amount) external {
        require(amount > 0, "Staking: amount is zero");
        require(VVV.transferFrom(msg.sender, address(this), amount), "Staking: VVV transfer failed");
        _mint(recipient, amount);
    }
}
