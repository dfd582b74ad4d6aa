import { buildInfo, shortCommit } from '../config/build'
import { paths } from './router'

/** The promise the app keeps, and which build this is: version and commit, with the way to check them. */
export function AppFooter() {
  const { version, commit, modified } = buildInfo
  return (
    <footer className="app-footer">
      <p>Your keys stay in this browser and go only to the Venice API. No server, no analytics.</p>
      <p className="build-info">
        Version {version}, commit{' '}
        <code className="commit" title={commit}>
          {shortCommit(commit)}
        </code>
        {modified && ' (with local changes)'} · <a href={paths.about}>About this page</a>
      </p>
    </footer>
  )
}
