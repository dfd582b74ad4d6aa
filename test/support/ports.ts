/** Fixed ports for the end-to-end suite and the offline sandbox (the support tests pick free ports). */
export const CHAIN_PORT = 18545
export const VENICE_PORT = 18546
export const APP_PORT = 18547
