import type { TFunction } from 'i18next'
import { X } from 'lucide-react'
import { useTranslation } from 'react-i18next'
import { MAX_NOTE_FILE_BYTES } from '../../../../shared/model/noteFiles'
import { IconButton } from '../../ui/IconButton'
import { imageNotices, type ImageNotice as Notice } from './insertImages'
import type { ToolRuntime } from './toolContext'
import { useStore } from './toolbarParts'

/**
 * Why an image was not added (too large, not a picture), at the bottom of the board, for a
 * while or until dismissed. Paste, drop and the tool rail's picker all report here.
 */
export function ImageNotice({ runtime }: { runtime: ToolRuntime }) {
  const { t } = useTranslation()
  const notices = imageNotices(runtime)
  const notice = useStore(notices)
  if (notice === undefined) return null
  return (
    <div className="board-image-notice" role="alert" data-testid="board-image-notice">
      <span>{message(notice, t)}</span>
      <IconButton
        size="sm"
        label={t('blocks.dismiss')}
        tooltip={false}
        onClick={() => notices.dismiss()}
      >
        <X size={14} aria-hidden />
      </IconButton>
    </div>
  )
}

// The notes' words for the same refusals (the same rules, from noteFiles.ts).
function message(notice: Notice, t: TFunction): string {
  switch (notice.reason) {
    case 'too-large':
      return t('blocks.imageTooLarge', {
        size: (notice.size / 1024 / 1024).toFixed(1),
        limit: String(MAX_NOTE_FILE_BYTES / 1024 / 1024),
      })
    case 'unsupported-type':
      return t('blocks.imageUnsupported')
    case 'empty':
      return t('blocks.imageEmpty')
    case 'unreadable':
      return t('blocks.imageFailed')
  }
}
