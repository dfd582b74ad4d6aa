/** The admin feature, loaded lazily by the app. */
export { default } from './AdminConsole'
