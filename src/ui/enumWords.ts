/**
 * The words for a value of an enum Venice may extend: ours when the value is known, otherwise the
 * value as Venice sent it, flagged, so a new value is shown rather than hidden or failed.
 */
export function enumWords(words: Readonly<Record<string, string>>, value: string): string {
  return Object.hasOwn(words, value) ? words[value]! : `${value} (new to this app)`
}
