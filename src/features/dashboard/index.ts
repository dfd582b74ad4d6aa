/** The dashboard feature, loaded lazily by the app. */
export { default } from './DashboardPage'
