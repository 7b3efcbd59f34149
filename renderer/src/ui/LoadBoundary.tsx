import { Component, type ErrorInfo, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { retryFailedLoads } from '../lib/preloadable'
import { Button } from './Button'

type Props = {
  children: ReactNode
  /**
   * What is shown (the open note, board or map view): going somewhere else after a failure
   * tries again, as a person who clicks another note expects.
   */
  place?: string
  /** Shown instead of the message and its "Try again" (e.g. nothing, for a pop-up). */
  fallback?: ReactNode
  /** Told once the load failed (a pop-up closes itself; opening it again tries anew). */
  onFailed?: () => void
}
type State = { failed: boolean }

/**
 * Around a screen whose code loads on demand (the editor, boards, the map): when that code
 * cannot be fetched — a browser guest whose Wi-Fi dropped, a hub that restarted — the screen
 * says so and offers to try again, and the rest of the app (sidebar, sync, what is typed
 * elsewhere) stays. Without it React would unmount the whole app on the failed import.
 * "Try again" renders the screen anew and lets `lib/preloadable.tsx` fetch what failed.
 */
export class LoadBoundary extends Component<Props, State> {
  override state: State = { failed: false }

  constructor(props: Props) {
    super(props)
    // A boundary shown anew (a reopened palette, another workspace) is a new attempt: what
    // failed before is fetched again rather than shown failed at once.
    retryFailedLoads()
  }

  static getDerivedStateFromError(): State {
    return { failed: true }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('kryss: a screen failed to load or render', error, info.componentStack)
    this.props.onFailed?.()
  }

  override componentDidUpdate(previous: Props): void {
    if (this.state.failed && previous.place !== this.props.place) this.retry()
  }

  private retry(): void {
    retryFailedLoads()
    this.setState({ failed: false })
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    if (this.props.fallback !== undefined) return this.props.fallback
    return <LoadFailed onRetry={() => this.retry()} />
  }
}

function LoadFailed({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="empty-state" role="alert" data-testid="load-failed">
      <p className="empty-state-title">{t('common.loadFailedTitle')}</p>
      <p>{t('common.loadFailedHint')}</p>
      <Button onClick={onRetry} data-testid="load-retry">
        {t('common.retry')}
      </Button>
    </div>
  )
}
