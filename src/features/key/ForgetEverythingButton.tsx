import { rememberedKeys } from '../../session/store'
import { toast } from '../../ui/toast'

/** Wipes the keys of this tab and their encrypted copy on this device, after a confirmation. */
export function ForgetEverythingButton() {
  return (
    <button
      type="button"
      className="button danger"
      onClick={() => {
        if (!window.confirm('Forget every key, here and on this device?')) return
        rememberedKeys.forgetEverything()
        toast('Every key is forgotten, here and on this device.')
      }}
    >
      Forget everything
    </button>
  )
}
