/** The Stake page, loaded lazily by the app (its own chunk). */
export { default } from './StakePage'
