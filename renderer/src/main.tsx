import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/App'
import { browserEnvironment, startConnection, type Startup } from './connection/bootstrap'
import { UnreachablePage, WelcomePage } from './connection/StartupPages'
import { applyLanguageSetting, initI18n, resolveLanguage, systemLanguage } from './i18n/i18n'
import { currentRoute } from './lib/route'
import { createPreferencesStore } from './settings/preferencesStore'
import { applyThemeSetting } from './settings/theme'
import { ConnectionPool } from './sync/connectionPool'
import { toPresenceUser } from './sync/presenceState'
import './styles/tokens.css'
import './styles/base.css'
import './styles/controls.css'
import './styles/overlays.css'
import './styles/layout.css'
import './styles/notes.css'
import './styles/editor.css'
import './styles/start.css'
import './styles/peers.css'
import './styles/notebook.css'
import './styles/map.css'
import './styles/mapNetwork.css'
import './styles/mapMatches.css'
import './styles/mapPromote.css'
import './styles/mapMatrix.css'
import './styles/mapData.css'
import './styles/transfer.css'
import './styles/history.css'
import './styles/noteProps.css'
import './styles/blocks.css'
import './styles/boards.css'
import './styles/boardCanvas.css'
import './styles/boardTools.css'
import './styles/facilitation.css'
import './styles/boardExport.css'
import './styles/search.css'
import './styles/palette.css'

const container = document.getElementById('root')
if (container === null) throw new Error('index.html has no #root')
const root = createRoot(container)

let i18nReady = false
let disposeTheme: () => void = () => {}
let disposePool: () => void = () => {}

/** Decides how we reach the host, then renders the matching screen. Runs again after a join. */
async function start(): Promise<void> {
  disposePool()
  const startup: Startup = await startConnection(browserEnvironment())
  const settings = startup.kind === 'ready' ? startup.preferences.settings : startup.settings
  if (i18nReady) await applyLanguageSetting(settings.language)
  else await initI18n(resolveLanguage(settings.language, systemLanguage()))
  i18nReady = true
  disposeTheme()
  disposeTheme = applyThemeSetting(settings.theme)

  const restart = (): void => {
    void start()
  }
  switch (startup.kind) {
    case 'ready': {
      const preferences = createPreferencesStore(startup.session, startup.preferences)
      const pool = new ConnectionPool(startup.session, () => {
        const { profile } = preferences.getSnapshot()
        return {
          user: profile === null ? undefined : toPresenceUser(profile),
          note: currentRoute.getSnapshot().note ?? null,
        }
      })
      disposePool = () => pool.destroy()
      // The App applies theme and language from here on, as settings change.
      disposeTheme()
      disposeTheme = () => {}
      root.render(
        <StrictMode>
          <App session={startup.session} preferences={preferences} pool={pool} />
        </StrictMode>,
      )
      return
    }
    case 'welcome':
      root.render(
        <StrictMode>
          <WelcomePage onJoined={restart} />
        </StrictMode>,
      )
      return
    case 'invite-error':
      root.render(
        <StrictMode>
          <WelcomePage onJoined={restart} initialError={startup.error} />
        </StrictMode>,
      )
      return
    case 'unreachable':
      root.render(
        <StrictMode>
          <UnreachablePage reason={startup.reason} detail={startup.detail} onRetry={restart} />
        </StrictMode>,
      )
      return
  }
}

void start()
