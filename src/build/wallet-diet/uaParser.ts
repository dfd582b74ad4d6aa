/**
 * Replaces `ua-parser-js` (~12 KB gz of browser, engine and device tables) in the bundle (see
 * ../walletDiet.ts). RainbowKit calls `UAParser()` once and reads only `os.name`, comparing it
 * with "Windows", "macOS" and the Linux family to choose a desktop download link. This answers
 * those names, with ua-parser-js's spelling, from the user-agent string.
 */
export function osName(userAgent: string): string | undefined {
  if (/Windows Phone/i.test(userAgent)) return 'Windows Phone'
  if (/Windows/i.test(userAgent)) return 'Windows'
  if (/iPhone|iPad|iPod/i.test(userAgent)) return 'iOS'
  if (/Macintosh|Mac OS X/i.test(userAgent)) return 'macOS'
  if (/Android/i.test(userAgent)) return 'Android'
  if (/CrOS/i.test(userAgent)) return 'Chrome OS'
  if (/Linux|X11/i.test(userAgent)) return 'Linux'
  return undefined
}

export function UAParser(userAgent: string = globalThis.navigator?.userAgent ?? '') {
  return { os: { name: osName(userAgent) } }
}
