export function sandboxConnector(): never { throw new Error("todo") }
