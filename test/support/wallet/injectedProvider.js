// Runs in the page before its own scripts (page.addInitScript), as `(<this function>)(config)`.
// Plain JavaScript read from disk, so no TypeScript transform can slip helpers into it.
// The provider holds no state: every request goes to the Node side, which signs and remembers the connection.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- the file is the expression
;(function installTestWalletProvider(config) {
  const listeners = new Map()

  function rpcError(error) {
    return Object.assign(new Error(error.message), { code: error.code, data: error.data })
  }

  const provider = {
    isTestWallet: true,
    async request(args) {
      if (!args || typeof args.method !== 'string') throw rpcError({ code: -32600, message: 'Invalid request' })
      const outcome = await window[config.requestBinding](args.method, args.params === undefined ? [] : args.params)
      if (outcome.error) throw rpcError(outcome.error)
      return outcome.result
    },
    on(event, listener) {
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event).add(listener)
      return provider
    },
    removeListener(event, listener) {
      listeners.get(event)?.delete(listener)
      return provider
    },
  }

  Object.defineProperty(window, config.emitName, {
    value(event, payload) {
      for (const listener of [...(listeners.get(event) ?? [])]) {
        try {
          listener(payload)
        } catch (error) {
          console.error(error)
        }
      }
    },
  })

  window.ethereum = provider
  const detail = Object.freeze({ info: Object.freeze(config.info), provider })
  const announce = () => window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail }))
  window.addEventListener('eip6963:requestProvider', announce)
  announce()
})
