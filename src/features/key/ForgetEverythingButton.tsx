import { rememberedKeys } from '../../session/store'

/** Wipes the keys of this tab and their encrypted copy on this device, after a confirmation. */
export function ForgetEverythingButton() {
  return (
    <button
      type="button"
      className="button danger"
      onClick={() => window.confirm('Forget every key, here and on this device?') && rememberedKeys.forgetEverything()}
    >
      Forget everything
    </button>
  )
}
