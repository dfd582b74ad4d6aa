/** The About view, loaded lazily by the app. */
export { default } from './AboutPage'
