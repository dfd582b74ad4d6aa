/** The mint feature, loaded lazily by the app. */
export { default } from './MintPage'
