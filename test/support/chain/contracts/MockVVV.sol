// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {TestToken} from "./TestToken.sol";

/// Stands in for the VVV token at 0xacfE6019Ed1A7Dc6f7B508C02d1b04ec88cC21bf.
contract MockVVV is TestToken {
    function name() external pure override returns (string memory) {
        return "Venice Token";
    }

    function symbol() external pure override returns (string memory) {
        return "VVV";
    }
}
